package org.lrplayground.playground.ui;

import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.lrplayground.engine.run.RunSpec;
import org.lrplayground.engine.run.Trajectory;
import org.lrplayground.engine.surface.Box;
import org.lrplayground.engine.surface.Surface;
import org.lrplayground.playground.Frame;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Everything a race draws: the surface with the paths (one plot, or one small plot per run side
 * by side), and the loss, effective-learning-rate and schedule charts. It turns frames into the
 * one call per frame that feeds every element, thinning long batches and never sending a
 * non-finite value.
 */
class RaceCharts extends Div {

    /** Most points per run and frame sent to a chart; longer batches are thinned evenly. */
    static final int MAX_POINTS_PER_FRAME = 1_500;
    /** Most points per run a chart holds: long runs are drawn with every k-th step. */
    static final int MAX_POINTS_PER_RUN = 5_000;

    final SurfacePlot plot = new SurfacePlot();
    private final Div grid = new Div();
    private final List<SurfacePlot> gridPlots = new ArrayList<>();
    private final LineChart lossChart = new LineChart("f − f*", true);
    private final LineChart lrChart = new LineChart("effective learning rate", true);
    private final LineChart etaChart = new LineChart("scheduled rate η", false);
    /** The three line charts, which a link may hide. */
    final Div lines = new Div();
    private ComponentEventListener<SurfacePlot.StartPickedEvent> startPicked = e -> {
    };
    private boolean sideBySide;
    private RunSpec spec;
    private SurfaceKey shown;
    private double fStar;

    /** What the heatmap depends on: it is sent again only when this changes. */
    private record SurfaceKey(Surface surface, Box box) {
    }

    RaceCharts() {
        addClassName("race-charts");
        plot.getElement().setAttribute("role", "img");
        plot.getElement().setAttribute("aria-label", "the loss surface with each run's path; click to move the start");
        plot.addStartPickedListener(e -> startPicked.onComponentEvent(e));
        grid.addClassName("plot-grid");
        grid.setVisible(false);
        lines.add(lossChart, lrChart, etaChart);
        lines.addClassName("charts");
        add(plot, grid, lines);
    }

    void onStartPicked(ComponentEventListener<SurfacePlot.StartPickedEvent> listener) {
        startPicked = listener;
    }

    void setSideBySide(boolean on) {
        sideBySide = on;
        plot.setVisible(!on);
        grid.setVisible(on);
    }

    /** Shows a spec not yet run: the surface (sent again only when it changed), empty series, the start. */
    void show(RunSpec next) {
        spec = next;
        SurfaceKey key = new SurfaceKey(next.surface(), next.box());
        if (!key.equals(shown)) {
            shown = key;
            fStar = next.surface().fStar(next.box());
            plot.setSurface(next.surface(), next.box(), fStar);
        }
        List<ChartSeries> paths = new ArrayList<>();
        List<ChartSeries> loss = new ArrayList<>();
        List<ChartSeries> lr = new ArrayList<>();
        List<ChartSeries> eta = new ArrayList<>();
        for (int i = 0; i < next.runs().size(); i++) {
            String name = (i + 1) + ". " + next.runs().get(i).label();
            String color = PlaygroundView.COLORS.get(i);
            paths.add(new ChartSeries("path-" + i, name, color, false));
            loss.add(new ChartSeries("loss-" + i, name, color, false));
            lr.add(new ChartSeries("lrx-" + i, name + " · x", color, false));
            lr.add(new ChartSeries("lry-" + i, name + " · y", color, true));
            eta.add(new ChartSeries("eta-" + i, name, color, false));
        }
        plot.setRuns(paths);
        plot.setStarts(next, paths);
        lossChart.setSeries(loss);
        lrChart.setSeries(lr);
        etaChart.setSeries(eta);
        grid.removeAll();
        gridPlots.clear();
        if (sideBySide) {
            for (int i = 0; i < paths.size(); i++) {
                ChartSeries path = paths.get(i);
                SurfacePlot small = new SurfacePlot();
                small.setHeight("300px");
                small.setSurface(next.surface(), next.box(), fStar);
                small.setRuns(List.of(path));
                small.setStarts(next.withRuns(List.of(next.runs().get(i))), List.of(path));
                small.addStartPickedListener(e -> startPicked.onComponentEvent(e));
                gridPlots.add(small);
                Span caption = new Span(path.name());
                caption.getStyle().set("color", path.color());
                Div cell = new Div(caption, small);
                cell.addClassName("plot-cell");
                grid.add(cell);
            }
        }
        setInteractive(true);
    }

    /** Whether clicking a plot picks a new start (not while a race is playing). */
    void setInteractive(boolean interactive) {
        plot.setInteractive(interactive);
        gridPlots.forEach(p -> p.setInteractive(interactive));
    }

    /**
     * Appends a frame's new points to every chart in one call: per run the kept steps' columns,
     * which the page splits into the charts' series (lr-charts.js, {@code lrDrawFrame}).
     */
    void draw(Frame frame) {
        ArrayNode runs = Json.array();
        for (int r = 0; r < frame.runs().size(); r++) {
            Frame.Run run = frame.runs().get(r);
            Trajectory.Slice s = run.points();
            if (s.size() == 0) {
                continue;
            }
            int stride = Math.max((int) Math.ceil(s.size() / (double) MAX_POINTS_PER_FRAME),
                    (int) Math.ceil(spec.steps() / (double) MAX_POINTS_PER_RUN));
            // Thinning by the absolute step keeps successive frames on the same grid of steps;
            // the last point is always kept, so it may fall off the grid.
            int from = Math.ceilDiv(s.first(), stride) * stride - s.first();
            int[] kept = IntStream.concat(IntStream.iterate(from, i -> i < s.size() - 1, i -> i + stride),
                    IntStream.of(s.size() - 1)).toArray();
            ObjectNode batch = runs.addObject().put("run", r).put("first", s.first() + kept[0])
                    .put("stride", stride).put("last", s.first() + s.size() - 1);
            batch.set("x", column(kept, i -> s.x()[i]));
            batch.set("y", column(kept, i -> s.y()[i]));
            batch.set("gap", column(kept, i -> s.loss()[i] - fStar));
            batch.set("lrx", column(kept, i -> s.lrX()[i]));
            batch.set("lry", column(kept, i -> s.lrY()[i]));
            batch.set("eta", column(kept, i -> s.eta()[i]));
        }
        if (runs.isEmpty()) {
            return;
        }
        // Flow holds back a call that names an element the page has never been sent, such as
        // charts a link hides: hidden charts go as null, the page skips them.
        List<Serializable> args = new ArrayList<>(List.of(Json.object().put("fStar", fStar).set("runs", runs)));
        args.add(sideBySide ? null : plot.getElement());
        for (LineChart chart : List.of(lossChart, lrChart, etaChart)) {
            args.add(lines.isVisible() ? chart.getElement() : null);
        }
        if (sideBySide) {
            gridPlots.forEach(p -> args.add(p.getElement()));
        }
        String gridArgs = IntStream.range(5, args.size()).mapToObj(i -> "$" + i).collect(Collectors.joining(", "));
        getElement().executeJs("lrDrawFrame($0, $1, $2, $3, $4, [" + gridArgs + "])", args.toArray(Serializable[]::new));
    }

    private static ArrayNode column(int[] kept, IntToDoubleFunction value) {
        return Json.numbers(Arrays.stream(kept).mapToDouble(value).toArray());
    }
}
