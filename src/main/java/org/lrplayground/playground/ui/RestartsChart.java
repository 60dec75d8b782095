package org.lrplayground.playground.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;
import java.util.stream.Collectors;
import org.lrplayground.engine.analysis.Restarts;
import org.lrplayground.engine.param.Numbers;
import org.lrplayground.ui.ChartSeries;
import org.lrplayground.ui.LineChart;

/**
 * Best of N under the basins map: how the best f − f* improves with N random starts, beside N
 * cycles of warm restarts from the scene's start, and the odds that N starts reach a global minimum.
 */
class RestartsChart extends Div {

    /** The log axis cannot show 0: a gap this small is the minimum itself, and is drawn here. */
    static final double FLOOR = 1e-12;
    static final String RANDOM = "random-starts", RANDOM_90 = "random-starts-90", WARM = "warm-restarts";

    final LineChart chart = new LineChart("best f − f*", true);
    /** "A global minimum is reached by 1 start 52 %, 2 starts 77 %, …", or why not. */
    final Paragraph odds = new Paragraph();

    /** Warm restarts are not the run's random starts, so they get a colour of their own, grey in both themes. */
    static final String WARM_COLOR = "#8a8a8a";

    /**
     * @param steps the scene's steps: one try's, and one warm-restart cycle's
     * @param color the run's colour: random starts typically solid, 9 times in 10 dashed
     */
    RestartsChart(List<Restarts.Tries> tries, int steps, String color) {
        addClassName("lr-restarts");
        chart.setX("tries N");
        chart.addClassName("lr-restarts-chart");
        chart.setSeries(List.of(new ChartSeries(RANDOM, 0, "random starts", color, false),
                new ChartSeries(RANDOM_90, 0, "9 times in 10", color, true),
                new ChartSeries(WARM, 0, "warm restarts", WARM_COLOR, false)));
        double[] n = tries.stream().mapToDouble(Restarts.Tries::n).toArray();
        chart.append(RANDOM, n, tries.stream().mapToDouble(t -> shown(t.randomStarts())).toArray());
        chart.append(RANDOM_90, n, tries.stream().mapToDouble(t -> shown(t.randomStarts90())).toArray());
        chart.append(WARM, n, tries.stream().mapToDouble(t -> shown(t.warmRestarts())).toArray());
        Paragraph what = new Paragraph("The best final f − f* of N tries. Random starts: "
                + "what N of " + Restarts.SAMPLES + " starts drawn in the box typically give, and give 9 times in 10 "
                + "(random starts, so their shares can differ from the map's grid by a few percent). "
                + "Warm restarts: the run from the scene's start, its rate restarted every " + steps + " steps. "
                + "Gaps below " + Numbers.format(FLOOR) + " are drawn at it.");
        what.addClassName("lr-basins-what");
        odds.setText(odds(tries));
        add(new H3("Best of N"), what, chart, odds);
    }

    /** A gap on the log axis: at least {@link #FLOOR}; failed tries (+∞) and tries not computed leave a gap. */
    private static double shown(double gap) {
        return Double.isFinite(gap) ? Math.max(gap, FLOOR) : Double.NaN;
    }

    static String odds(List<Restarts.Tries> tries) {
        if (Double.isNaN(tries.getFirst().globalChance())) {
            return "This surface knows no minimum in the box, so there are no odds of reaching one.";
        }
        return "A global minimum is reached by " + tries.stream().filter(t -> Integer.bitCount(t.n()) == 1 || t.n() == tries.size())
                .map(t -> t.n() + (t.n() == 1 ? " start " : " starts ") + BasinsDialog.percent(t.globalChance()))
                .collect(Collectors.joining(", ")) + ".";
    }
}
