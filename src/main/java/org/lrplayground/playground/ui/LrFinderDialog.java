package org.lrplayground.playground.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;
import org.lrplayground.ui.ChartSeries;
import org.lrplayground.ui.LineChart;
import org.lrplayground.engine.finder.LrCurve;
import org.lrplayground.engine.finder.LrFinder;
import org.lrplayground.engine.finder.Suggestion;
import org.lrplayground.engine.param.Numbers;
import org.lrplayground.playground.LrFinderService;

/**
 * fastai's learning-rate finder for one run: loss against the swept rate (log x), raw and smoothed,
 * a marker at each suggested rate, why the sweep stopped, and per suggestion a button that sets the
 * run's lr, or the reason there is none.
 */
@StyleSheet("context://components/lr-finder.css")
class LrFinderDialog extends AnalysisDialog {

    /** The raw, noisy loss: a neutral grey under the run's smoothed line, legible in both themes. */
    private static final String RAW_COLOR = "#8a94a3";
    /** Above this ratio of the largest to the smallest f − f* the y axis is logarithmic. */
    private static final double DECADES = 100;

    /** The "Use lr = …" buttons, one per suggestion that has a rate. */
    final List<Button> use = new ArrayList<>();

    /**
     * @param runName the run as the charts name it, e.g. "2. Adam lr=0.05"
     * @param color   the run's colour, for its smoothed loss
     * @param useLr   receives the rate the user picked, rounded as its button shows it
     */
    LrFinderDialog(String runName, String color, LrFinderService.Sweep sweep, DoubleConsumer useLr) {
        super("Learning-rate finder · " + runName, "lr-finder");
        LrCurve curve = sweep.curve();
        LrFinder finder = sweep.finder();
        explain("fast.ai's lr_find: one pass from the start while lr rises exponentially from "
                + Numbers.format(finder.startLr()) + " to " + Numbers.format(finder.endLr()) + " in " + finder.numIt()
                + " steps (the schedule set aside), stopped when the loss explodes. Pick a rate where the loss falls fastest.");

        double[] raw = aboveFStar(curve.losses(), sweep.fStar());
        double[] smoothed = aboveFStar(curve.smoothed(), sweep.fStar());
        LineChart chart = new LineChart("f − f*", spansDecades(raw));
        chart.setHeight("300px");
        chart.setLogX("lr");
        chart.setSeries(List.of(new ChartSeries("loss", -1, "loss", RAW_COLOR, false),
                new ChartSeries("smoothed", -1, "smoothed", color, false)));
        chart.append("loss", curve.lrs(), raw);
        chart.append("smoothed", curve.lrs(), smoothed);
        chart.getElement().setAttribute("role", "img");
        chart.getElement().setAttribute("aria-label", "loss against the learning rate of the sweep, with the suggested rates");
        List<LineChart.Marker> markers = new ArrayList<>();
        curve.steep().lr().ifPresent(lr -> markers.add(new LineChart.Marker(lr, "steepest")));
        curve.minimum().lr().ifPresent(lr -> markers.add(new LineChart.Marker(lr, "min ÷ 10")));
        chart.setMarkers(markers);

        Paragraph stop = new Paragraph(sentence(curve.reason()));
        stop.addClassName("lr-finder-stop");
        Div suggestions = new Div(suggestion(curve.steep(), "steepest descent", useLr),
                suggestion(curve.minimum(), "minimum ÷ 10", useLr));
        suggestions.addClassName("lr-finder-suggestions");
        show(chart, stop, suggestions);
    }

    /** A button that hands the suggested rate on and closes, or the note saying why there is none. */
    private Component suggestion(Suggestion s, String rule, DoubleConsumer useLr) {
        if (s.lr().isEmpty()) {
            Span none = new Span(sentence(s.note()));
            none.addClassName("lr-finder-none");
            return none;
        }
        double lr = RunEditor.round(s.lr().getAsDouble());
        Button button = new Button("Use lr = " + Numbers.format(lr) + " (" + rule + ")", e -> {
            useLr.accept(lr);
            close();
        });
        button.setTooltipText(sentence(s.note()));
        use.add(button);
        return button;
    }

    private static double[] aboveFStar(double[] losses, double fStar) {
        double[] out = new double[losses.length];
        for (int i = 0; i < losses.length; i++) {
            out[i] = losses[i] - fStar;
        }
        return out;
    }

    /** Whether the positive values span more than {@link #DECADES}, so that a linear axis would flatten most. */
    private static boolean spansDecades(double[] gaps) {
        double min = Double.POSITIVE_INFINITY, max = 0;
        for (double g : gaps) {
            if (g > 0) {
                min = Math.min(min, g);
                max = Math.max(max, g);
            }
        }
        return max > DECADES * min;
    }

    /** The engine's lower-case phrases as sentences. */
    private static String sentence(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1) + (text.endsWith(".") ? "" : ".");
    }
}
