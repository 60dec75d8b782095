package org.lrplayground.playground.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.lrplayground.app.WorkBudget;
import org.lrplayground.engine.analysis.Tuning;
import org.lrplayground.engine.param.Numbers;
import org.lrplayground.engine.run.RunSpec;
import org.lrplayground.ui.ChartSeries;
import org.lrplayground.ui.LineChart;

/**
 * A fair tuning of every run of the scene ({@link Tuning}): each run's score against its lr (log
 * axes, in the run's colour, a dashed line at its best), one line per run with its best rate or
 * why it has none, and "Apply best", which sets every run to its best in one edit. The tuning is
 * computed by the work budget, on its pool when dear, and shown when it comes; choosing another
 * score or key, or closing the dialog, stops a tuning still computing.
 */
@StyleSheet("context://components/lr-tune.css")
class TuneDialog extends AnalysisDialog {

    /** The "also" choice that sweeps the lr alone. */
    static final String LR_ONLY = "";

    final Select<Tuning.Target> target = new Select<>();
    final Select<String> also = new Select<>();
    final LineChart chart = new LineChart("score", true);
    /** One line per run: its best value(s) and score, or that it failed at every rate. */
    final Div bests = new Div();
    final Button apply = new Button("Apply best");
    private final List<String> names;
    private final List<String> colors;
    private final Function<Tuning.Settings, WorkBudget.Job<List<Tuning.Tuned>>> compute;
    private List<Tuning.Tuned> tuned = List.of();

    /**
     * @param spec      the scene on stage
     * @param names     its runs as the charts name them, e.g. "1. SGD lr=0.01"
     * @param colors    its runs' colours
     * @param compute   starts the tuning of every run with the given settings
     * @param applyBest receives the tuning to set every run to its best values
     */
    TuneDialog(RunSpec spec, List<String> names, List<String> colors,
               Function<Tuning.Settings, WorkBudget.Job<List<Tuning.Tuned>>> compute, Consumer<List<Tuning.Tuned>> applyBest) {
        super("Tune every run · the same budget for each", "lr-tune");
        this.names = names;
        this.colors = colors;
        this.compute = compute;
        Tuning.Settings defaults = Tuning.Settings.DEFAULT;
        explain("Each run's lr on a log grid of " + defaults.grid() + " rates from " + Numbers.format(Math.pow(10, -Tuning.DECADES))
                + " to " + Numbers.format(Math.pow(10, Tuning.DECADES)) + " times its optimizer's default, every rate run for the scene's " + spec.steps() + " steps from " + defaults.starts()
                + " starts (the scene's and seeded random ones in the box). The median score over the starts counts; "
                + "lower is better, and a run that diverges or leaves the box has none.");
        target.setLabel("Score");
        target.setWidth("min(22em, 100%)");
        target.setItems(Tuning.Target.values());
        target.setItemLabelGenerator(Tuning.Target::description);
        target.setValue(defaults.target());
        target.addValueChangeListener(e -> draw());
        List<String> keys = new ArrayList<>(List.of(LR_ONLY));
        keys.addAll(Tuning.sweepable(spec));
        also.setLabel("Also tune");
        also.setItems(keys);
        also.setItemLabelGenerator(k -> k.equals(LR_ONLY) ? "nothing else" : k);
        also.setValue(LR_ONLY);
        also.setVisible(keys.size() > 1);
        also.addValueChangeListener(e -> draw());
        FlexLayout settings = new FlexLayout(target, also);
        settings.addClassName("lr-tune-settings");
        chart.setHeight("320px");
        // The lines under the chart name the runs in their colours, and a legend would crowd a phone's chart.
        chart.setLegend(false);
        chart.setLogX("lr");
        chart.getElement().setAttribute("role", "img");
        chart.getElement().setAttribute("aria-label", "each run's score against its learning rate, with its best rate marked");
        bests.addClassName("lr-tune-bests");
        show(settings, chart, bests);
        apply.addThemeVariants(ButtonVariant.PRIMARY);
        apply.addClassName("lr-tune-apply");
        apply.addClickListener(e -> {
            applyBest.accept(tuned);
            close();
        });
        getFooter().addComponentAsFirst(apply);
        draw();
    }

    private void draw() {
        String key = also.getValue();
        Tuning.Settings settings = new Tuning.Settings(Tuning.Settings.DEFAULT.grid(), Tuning.Settings.DEFAULT.starts(),
                target.getValue(), LR_ONLY.equals(key) ? null : key);
        // Until the new tuning comes, the old one is no longer what the settings say: nothing to apply.
        apply.setEnabled(false);
        compute(() -> compute.apply(settings), this::show);
    }

    private void show(List<Tuning.Tuned> computed) {
        tuned = computed;
        chart.setYName(target.getValue().description());
        List<ChartSeries> series = new ArrayList<>();
        List<LineChart.Marker> markers = new ArrayList<>();
        for (Tuning.Tuned t : tuned) {
            series.add(new ChartSeries("tune-" + t.run(), t.run(), names.get(t.run()), colors.get(t.run()), false));
            if (!Double.isNaN(t.lr().best())) {
                markers.add(new LineChart.Marker(t.lr().best(), (t.run() + 1) + ": " + Numbers.format(t.lr().best()),
                        colors.get(t.run())));
            }
        }
        chart.setSeries(series);
        for (Tuning.Tuned t : tuned) {
            chart.append("tune-" + t.run(), t.lr().values(), t.lr().scores());
        }
        chart.setMarkers(markers);
        bests.removeAll();
        tuned.forEach(t -> bests.add(line(t)));
        apply.setEnabled(tuned.stream().anyMatch(t -> !Double.isNaN(t.lr().best())));
    }

    /** "1. SGD lr=0.01: best lr = 0.0316, score 2.6e-14; diverged at 9 of 25 rates", or that it failed everywhere. */
    private Div line(Tuning.Tuned t) {
        Span swatch = new Span();
        swatch.addClassName("lr-tune-swatch");
        swatch.getStyle().set("background", colors.get(t.run()));
        Tuning.Sweep lr = t.lr();
        long failed = Arrays.stream(lr.scores()).filter(Double::isInfinite).count();
        // Under "steps to converge" a rate that neither diverged nor converged has no score either.
        String failure = target.getValue() == Tuning.Target.STEPS ? "did not converge" : "diverged";
        String text;
        if (Double.isNaN(lr.best())) {
            text = failure + " at every rate from " + Numbers.format(lr.values()[0]) + " to "
                    + Numbers.format(lr.values()[lr.values().length - 1]);
        } else {
            int at = Arrays.binarySearch(lr.values(), lr.best());
            text = "best lr = " + Numbers.format(lr.best())
                    + (t.also() == null ? "" : ", " + t.also().parameter() + " = " + Numbers.format(t.also().best()))
                    + ", score " + Numbers.readable(lr.scores()[at])
                    + (failed == 0 ? "" : "; " + failure + " at " + failed + " of " + lr.values().length + " rates")
                    + (at == 0 || at == lr.values().length - 1 ? " (at the edge of the grid: the best may lie beyond)" : "");
        }
        Div line = new Div(swatch, new Span(names.get(t.run()) + ": " + text));
        line.addClassName("lr-tune-best");
        return line;
    }
}
