package org.lrplayground.ui;

import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;
import org.lrplayground.engine.explain.Explanation;
import org.lrplayground.engine.explain.Explanation.Equation;
import org.lrplayground.engine.explain.Explanation.Role;
import org.lrplayground.engine.run.RunSpec;
import org.lrplayground.engine.run.Trajectory;
import org.lrplayground.race.Frame;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Everything a race shows, for any page to place and feed: the surface with the paths (one plot,
 * or one small plot per run side by side), one legend of run colours for every chart, the results
 * table, and the loss, effective-learning-rate and η charts. {@link #show} sets a scene up,
 * {@link #draw} appends a frame: one typed message per chart, thinned, never a non-finite value.
 * Series ids are made here and nowhere else.
 */
@StyleSheet("context://components/race-display.css")
public class RaceDisplay extends Div {

    /** Colours of runs 1…12, distinct on the light and the dark surface. */
    public static final List<String> COLORS = List.of("#e6194b", "#f58231", "#3cb44b", "#4363d8", "#911eb4", "#42d4f4",
            "#f032e6", "#9a6324", "#808000", "#469990", "#000075", "#a9a9a9");
    /** Most points per run and frame sent to a chart; longer batches are thinned evenly. */
    static final int MAX_POINTS_PER_FRAME = 1_500;
    /** Most points per run a chart holds: long runs are drawn with every k-th step. */
    static final int MAX_POINTS_PER_RUN = 5_000;

    private final SurfacePlot plot = new SurfacePlot();
    private final Div grid = new Div();
    private final List<SurfacePlot> gridPlots = new ArrayList<>();
    private final RaceLegend legend = new RaceLegend(this::setHidden);
    private final RaceResults results = new RaceResults();
    private final LineChart lossChart = new LineChart("f − f*", true);
    private final LineChart lrChart = new LineChart("effective learning rate", true);
    private final LineChart etaChart = new LineChart("scheduled rate η", true);
    private final Div lines = new Div();
    private final Set<Integer> hidden = new HashSet<>();
    private ComponentEventListener<SurfacePlot.StartPickedEvent> startPicked = e -> {
    };
    private Runnable viewChanged = () -> {
    };
    private PlotView view = PlotView.CONTOUR;
    private boolean sideBySide;
    private RunSpec spec;
    private SurfaceKey shown;

    /** What the heatmap depends on: it is sent again only when this changes. */
    private record SurfaceKey(Object surface, Object box, double fStar) {
    }

    public RaceDisplay() {
        addClassName("race-display");
        getElement().setAttribute("data-race-scope", "");
        plot.getElement().setAttribute("role", "img");
        plot.getElement().setAttribute("aria-label", "the loss surface with each run's path; "
                + "click, long-press or use the arrow keys and Enter to move the start");
        plot.addStartPickedListener(e -> startPicked.onComponentEvent(e));
        plot.addViewChangedListener(this::viewPicked);
        grid.addClassName("plot-grid");
        grid.setVisible(false);
        Div top = new Div(plot, grid, results);
        top.addClassName("race-top");
        for (LineChart chart : List.of(lossChart, lrChart, etaChart)) {
            chart.setLegend(false); // the race legend above names the runs for every chart
        }
        lines.add(lossChart, lrChart, etaChart);
        lines.addClassName("charts");
        add(legend, top, lines);
    }

    /** Called when a click (or the keyboard) on a plot asks for a new start. */
    public void onStartPicked(ComponentEventListener<SurfacePlot.StartPickedEvent> listener) {
        startPicked = listener;
    }

    /** Called when the viewer switches a plot between contour and 3-D (see {@link #view()}). */
    public void onViewChanged(Runnable listener) {
        viewChanged = listener;
    }

    /** What the plots show: the contour plot or the 3-D view. */
    public PlotView view() {
        return view;
    }

    /** Shows every plot of the display as contour plot or in 3-D. */
    public void setView(PlotView next) {
        view = next;
        plot.setView(next);
        gridPlots.forEach(p -> p.setView(next));
    }

    /** One plot's switch was used: the others follow it. */
    private void viewPicked(SurfacePlot.ViewChangedEvent e) {
        view = e.view();
        List<SurfacePlot> all = new ArrayList<>(gridPlots);
        all.add(plot);
        for (SurfacePlot p : all) {
            if (p != e.getSource()) {
                p.setView(view);
            }
        }
        viewChanged.run();
    }

    /** The single plot (for tests; side by side, each run has its own). */
    public SurfacePlot plot() {
        return plot;
    }

    /** The line charts, which a link may hide. */
    public Div lines() {
        return lines;
    }

    /** The results table. */
    public RaceResults results() {
        return results;
    }

    /** Draws each run in a plot of its own; takes effect at the next {@link #show}. */
    public void setSideBySide(boolean on) {
        sideBySide = on;
    }

    /** Sets a scene up: the surface (sent again only when it changed), empty series, the starts, runs all "ready". */
    public void show(RunSpec next, double fStar) {
        spec = next;
        SurfaceKey key = new SurfaceKey(next.surface(), next.box(), fStar);
        if (!key.equals(shown)) {
            shown = key;
            plot.setSurface(next.surface(), next.box(), fStar);
        }
        List<ChartSeries> paths = new ArrayList<>();
        List<ChartSeries> loss = new ArrayList<>();
        List<ChartSeries> lr = new ArrayList<>();
        List<ChartSeries> eta = new ArrayList<>();
        for (int i = 0; i < next.runs().size(); i++) {
            String name = name(next, i);
            String color = COLORS.get(i);
            paths.add(new ChartSeries(pathId(i), i, name, color, false));
            loss.add(new ChartSeries(lossId(i), i, name, color, false));
            lr.add(new ChartSeries(lrXId(i), i, name + " · x", color, false));
            lr.add(new ChartSeries(lrYId(i), i, name + " · y", color, true));
            eta.add(new ChartSeries(etaId(i), i, name, color, false));
        }
        hidden.removeIf(r -> r >= paths.size());
        legend.show(paths, hidden);
        results.show(next, paths, fStar);
        plot.setVisible(!sideBySide);
        grid.setVisible(sideBySide);
        plot.setRuns(paths);
        plot.setStarts(next, paths);
        lossChart.setSeries(loss);
        lrChart.setSeries(lr);
        etaChart.setSeries(eta);
        grid.removeAll();
        gridPlots.clear();
        if (sideBySide) {
            for (int i = 0; i < paths.size(); i++) {
                SurfacePlot small = new SurfacePlot();
                small.addClassName("small");
                small.setSurface(next.surface(), next.box(), fStar);
                small.setRuns(List.of(paths.get(i)));
                small.setStarts(next.withRuns(List.of(next.runs().get(i))), List.of(paths.get(i)));
                small.getElement().setAttribute("aria-label", paths.get(i).name() + ": its path on the loss surface");
                small.addStartPickedListener(e -> startPicked.onComponentEvent(e));
                small.addViewChangedListener(this::viewPicked);
                small.setView(view);
                gridPlots.add(small);
                Span caption = new Span(new Swatch(paths.get(i).color()), new Span(paths.get(i).name()));
                Div cell = new Div(caption, small);
                cell.addClassName("plot-cell");
                grid.add(cell);
            }
        }
        sendHidden();
        setInteractive(true);
    }

    /** A run's name as every chart and table shows it, e.g. "2. Adam lr=0.05". */
    public static String name(RunSpec spec, int run) {
        return (run + 1) + ". " + spec.runs().get(run).label();
    }

    private static String pathId(int run) {
        return "path-" + run;
    }

    private static String lossId(int run) {
        return "loss-" + run;
    }

    private static String lrXId(int run) {
        return "lrx-" + run;
    }

    private static String lrYId(int run) {
        return "lry-" + run;
    }

    private static String etaId(int run) {
        return "eta-" + run;
    }

    /** Whether clicking a plot picks a new start. */
    public void setInteractive(boolean interactive) {
        plot.setInteractive(interactive);
        gridPlots.forEach(p -> p.setInteractive(interactive));
    }

    private void setHidden(int run, boolean hide) {
        if (hide) {
            hidden.add(run);
        } else {
            hidden.remove(run);
        }
        sendHidden();
    }

    private void sendHidden() {
        int[] runs = hidden.stream().mapToInt(Integer::intValue).sorted().toArray();
        plot.setHidden(runs);
        if (lines.isVisible()) {
            for (LineChart chart : List.of(lossChart, lrChart, etaChart)) {
                chart.setHidden(runs);
            }
        }
    }

    /**
     * Marks each run's position at {@code step} on the plots and a cursor at it on the line charts,
     * over the points they already hold; null takes them away (the paths' heads show the last step).
     */
    public void scrub(Integer step) {
        plot.setCursor(step);
        gridPlots.forEach(p -> p.setCursor(step));
        for (LineChart chart : List.of(lossChart, lrChart, etaChart)) {
            chart.setCursor(step);
        }
    }

    /**
     * Draws an explained update on its run's plot, from θ_{t−1}: arrows for −g, the negated momentum
     * or first moment and the update Δθ, and per-coordinate bars of the squared-gradient terms.
     */
    public void showStep(int run, Explanation step) {
        Equation update = step.equation("Δθ");
        Equation position = step.equation("θₜ");
        ObjectNode picture = Json.object().put("color", COLORS.get(run))
                .put("x", position.value(0) - update.value(0)).put("y", position.value(1) - update.value(1));
        ArrayNode arrows = picture.putArray("arrows");
        step.withRole(Role.GRADIENT).forEach(g -> arrow(arrows, "gradient", "−g", -g.value(0), -g.value(1)));
        step.withRole(Role.MOMENTUM).stream().limit(1)
                .forEach(m -> arrow(arrows, "momentum", "−" + m.symbol(), -m.value(0), -m.value(1)));
        arrow(arrows, "update", "Δθ", update.value(0), update.value(1));
        ArrayNode bars = picture.putArray("bars");
        for (Equation q : step.withRole(Role.SQUARES)) {
            bars.addObject().put("label", q.symbol()).set("values", Json.numbers(q.value(0), q.value(1)));
        }
        (sideBySide ? gridPlots.get(run) : plot).setStep(picture);
    }

    private static void arrow(ArrayNode arrows, String kind, String label, double dx, double dy) {
        arrows.addObject().put("kind", kind).put("label", label).put("dx", dx).put("dy", dy);
    }

    /** Takes an explained update off the plots. */
    public void clearStep() {
        plot.setStep(null);
        gridPlots.forEach(p -> p.setStep(null));
    }

    /** Appends a frame's new points: one message per chart; charts a link hides get none. */
    public void draw(Frame frame) {
        ArrayNode paths = Json.array();
        ArrayNode loss = Json.array();
        ArrayNode lr = Json.array();
        ArrayNode eta = Json.array();
        for (int r = 0; r < frame.runs().size(); r++) {
            Frame.Run run = frame.runs().get(r);
            Trajectory.Slice s = run.points();
            if (s.size() == 0) {
                if (run.ends()) {
                    // Ended on a step without a point (it diverged there): the path's last point marks it.
                    paths.addObject().put("run", r).put("n", 0).put("end", run.status().kind().id());
                }
                continue;
            }
            int stride = Math.max((int) Math.ceil(s.size() / (double) MAX_POINTS_PER_FRAME),
                    (int) Math.ceil(spec.steps() / (double) MAX_POINTS_PER_RUN));
            // Thinning by the absolute step keeps successive frames on the same grid of steps;
            // the last point is always kept, so it may fall off the grid.
            int from = Math.ceilDiv(s.first(), stride) * stride - s.first();
            int[] kept = IntStream.concat(IntStream.iterate(from, i -> i < s.size() - 1, i -> i + stride),
                    IntStream.of(s.size() - 1)).toArray();
            int first = s.first() + kept[0];
            int last = s.first() + s.size() - 1;
            ObjectNode path = paths.addObject().put("run", r).put("first", first).put("stride", stride).put("last", last)
                    .put("n", kept.length);
            path.set("x", column(kept, i -> s.x()[i]));
            path.set("y", column(kept, i -> s.y()[i]));
            path.set("loss", column(kept, i -> s.loss()[i]));
            path.put("end", run.status().finished() ? run.status().kind().id() : null);
            double fStar = shown.fStar();
            loss.add(series(lossId(r), first, stride, last, kept, i -> s.loss()[i] - fStar));
            lr.add(series(lrXId(r), first, stride, last, kept, i -> s.lrX()[i]));
            lr.add(series(lrYId(r), first, stride, last, kept, i -> s.lrY()[i]));
            eta.add(series(etaId(r), first, stride, last, kept, i -> s.eta()[i]));
        }
        results.draw(frame);
        if (paths.isEmpty()) {
            return;
        }
        if (sideBySide) {
            for (int k = 0; k < paths.size(); k++) {
                ObjectNode one = (ObjectNode) paths.get(k);
                gridPlots.get(one.get("run").asInt()).appendPaths(Json.array().add(one.deepCopy().put("run", 0)));
            }
        } else {
            plot.appendPaths(paths);
        }
        if (lines.isVisible()) {
            lossChart.appendColumns(loss);
            lrChart.appendColumns(lr);
            etaChart.appendColumns(eta);
        }
    }

    private static ObjectNode series(String id, int first, int stride, int last, int[] kept, IntToDoubleFunction value) {
        ObjectNode o = Json.object().put("id", id).put("first", first).put("stride", stride).put("last", last)
                .put("n", kept.length);
        o.set("values", column(kept, value));
        return o;
    }

    /**
     * The values at the kept steps: an array, or one value when they are all the same — a constant
     * schedule's η, SGD's effective rates — which the page repeats (about a third of what a frame sends).
     */
    private static JsonNode column(int[] kept, IntToDoubleFunction value) {
        double[] values = Arrays.stream(kept).mapToDouble(value).toArray();
        ArrayNode all = Json.numbers(values);
        boolean same = values.length > 1 && all.valueStream().allMatch(v -> v.equals(all.get(0)));
        return same ? all.get(0) : all;
    }
}
