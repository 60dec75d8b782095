package org.lrplayground.classroom.ui;

import com.vaadin.flow.component.html.Div;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lrplayground.classroom.Challenge;
import org.lrplayground.classroom.Handin;
import org.lrplayground.engine.format.RunFormat;
import org.lrplayground.engine.optim.Optimizers;
import org.lrplayground.engine.run.RunSpec;
import org.lrplayground.engine.run.Trajectory;
import org.lrplayground.race.RunService;
import org.lrplayground.ui.ChartSeries;
import org.lrplayground.ui.Json;
import org.lrplayground.ui.LineChart;
import org.lrplayground.ui.RaceDisplay;
import org.lrplayground.ui.SurfacePlot;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The board's two charts: every student's latest hand-in drawn on the surface, and the room's
 * aggregate — the challenge's metric (or the final f − f*) against lr, one dot per run, log axes —
 * both coloured by optimizer. Paths are computed again from the stored runs (the server trusts no
 * browser) once per hand-in, and only the paths that changed go to the page.
 */
final class BoardCharts extends Div {

    /** Points per path: the board is an overview of up to hundreds of paths. */
    static final int POINTS_PER_PATH = 150;

    /** One student's run on the plot: where it is drawn and what from. */
    record Drawn(long studentId, int run, long handinId, String name) {
    }

    /** A student's latest hand-in as the board shows it. */
    record Shown(long studentId, String name, Handin handin) {
    }

    final SurfacePlot plot = new SurfacePlot();
    final LineChart aggregate = new LineChart("", true);
    private final RunService engine;
    private final Map<Long, ArrayNode> paths = new HashMap<>();
    private List<Drawn> drawn = List.of();
    private int version = -1;

    BoardCharts(RunService engine) {
        this.engine = engine;
        addClassName("board-charts");
        plot.addClassName("board-plot");
        plot.setInteractive(false);
        plot.getElement().setAttribute("aria-label", "Every student's latest hand-in on the surface");
        aggregate.addClassName("board-aggregate");
        aggregate.setLogX("lr");
        aggregate.setDots(true);
        aggregate.getElement().setAttribute("aria-label", "The class's results against lr, one dot per run");
        add(plot, aggregate);
    }

    /** Shows the class's scene: a new one clears the paths. */
    void setScene(String query, int sceneVersion, Challenge challenge) {
        if (sceneVersion == version) {
            return;
        }
        version = sceneVersion;
        RunSpec spec = RunFormat.parse(query);
        plot.setSurface(spec.surface(), spec.box(), spec.surface().fStar(spec.box()));
        plot.setRuns(List.of());
        aggregate.getElement().callJsFunction("setConfig", Json.object().put("yName", metricName(challenge)));
        drawn = List.of();
    }

    /** What the aggregate plots upward. */
    static String metricName(Challenge challenge) {
        return switch (challenge) {
            case NONE -> "final f − f*";
            case CLOSEST -> "distance to the minimum";
            case FASTEST -> "steps to converge";
            case LOWEST -> "final loss";
        };
    }

    /** Draws these students' hand-ins; a student keeps their place on the plot from one hand-in to the next. */
    void show(List<Shown> shown, Challenge challenge) {
        List<Drawn> next = new ArrayList<>();
        Map<Long, Integer> group = new LinkedHashMap<>();
        for (Drawn d : drawn) {
            group.putIfAbsent(d.studentId(), group.size());
        }
        List<Shown> ordered = new ArrayList<>(shown);
        ordered.sort((a, b) -> Integer.compare(group.getOrDefault(a.studentId(), Integer.MAX_VALUE),
                group.getOrDefault(b.studentId(), Integer.MAX_VALUE)));
        Map<Integer, Shown> bySlot = new HashMap<>();
        for (Shown s : ordered) {
            for (Handin.Run run : s.handin().runs()) {
                bySlot.put(next.size(), s);
                next.add(new Drawn(s.studentId(), run.index(), s.handin().id(), s.name()));
            }
        }
        int keep = 0;
        while (keep < Math.min(drawn.size(), next.size()) && drawn.get(keep).studentId() == next.get(keep).studentId()
                && drawn.get(keep).run() == next.get(keep).run()) {
            keep++;
        }
        // Within the kept places only the changed paths are sent; a place that moved needs all after it.
        ArrayNode changed = Json.array();
        Map<Long, Integer> groups = new LinkedHashMap<>();
        for (int slot = 0; slot < next.size(); slot++) {
            Drawn d = next.get(slot);
            int g = groups.computeIfAbsent(d.studentId(), id -> groups.size());
            if (slot >= keep || !drawn.get(slot).equals(d)) {
                Handin.Run run = bySlot.get(slot).handin().runs().get(d.run());
                changed.add(path(slot, g, d, run));
            }
        }
        if (!changed.isEmpty() || next.size() != drawn.size()) {
            plot.setPaths(next.size(), changed);
        }
        paths.keySet().retainAll(next.stream().map(Drawn::handinId).toList());
        drawn = List.copyOf(next);
        showAggregate(shown, challenge);
    }

    /** The slot on the plot of a student's runs, for highlighting; null when they have none drawn. */
    Integer groupOf(long studentId) {
        List<Long> order = drawn.stream().map(Drawn::studentId).distinct().toList();
        int i = order.indexOf(studentId);
        return i < 0 ? null : i;
    }

    private ObjectNode path(int slot, int group, Drawn d, Handin.Run run) {
        ArrayNode runs = paths.computeIfAbsent(d.handinId(), id -> Json.array());
        while (runs.size() <= d.run()) {
            runs.addNull();
        }
        if (runs.get(d.run()).isNull()) {
            runs.set(d.run(), columns(run));
        }
        ObjectNode p = ((ObjectNode) runs.get(d.run())).deepCopy();
        String color = color(run);
        return p.put("slot", slot).put("run", group).put("name", d.name() + " · " + run.label()).put("color", color)
                .put("end", run.status().kind());
    }

    /** The run's path, thinned to {@value #POINTS_PER_PATH} points, its last one always kept. */
    private ObjectNode columns(Handin.Run run) {
        Trajectory t = engine.run(RunFormat.parse(run.query()), 0).trajectory();
        int n = t.size();
        int stride = Math.max(1, (int) Math.ceil(n / (double) POINTS_PER_PATH));
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < n - 1; i += stride) {
            kept.add(i);
        }
        kept.add(n - 1);
        double[] x = kept.stream().mapToDouble(t::x).toArray();
        double[] y = kept.stream().mapToDouble(t::y).toArray();
        double[] loss = kept.stream().mapToDouble(t::loss).toArray();
        ObjectNode o = Json.object().put("first", 0).put("stride", stride).put("last", n - 1).put("n", kept.size());
        o.set("x", Json.numbers(x));
        o.set("y", Json.numbers(y));
        o.set("loss", Json.numbers(loss));
        return o;
    }

    /** One dot per run that has both an lr and a number, one series per optimizer. */
    private void showAggregate(List<Shown> shown, Challenge challenge) {
        Map<String, List<double[]>> byOptimizer = new LinkedHashMap<>();
        for (Shown s : shown) {
            for (Handin.Run run : s.handin().runs()) {
                Double y = challenge == Challenge.NONE ? run.finalGap() : run.metric();
                if (run.lr() != null && y != null) {
                    byOptimizer.computeIfAbsent(optimizer(run), k -> new ArrayList<>()).add(new double[] {run.lr(), y});
                }
            }
        }
        List<ChartSeries> series = new ArrayList<>();
        int k = 0;
        for (String id : byOptimizer.keySet()) {
            series.add(new ChartSeries("agg-" + id, k++, id, colorOf(id), false));
        }
        aggregate.setSeries(series);
        byOptimizer.forEach((id, points) -> aggregate.append("agg-" + id, points.stream().mapToDouble(p -> p[0]).toArray(),
                points.stream().mapToDouble(p -> p[1]).toArray()));
    }

    /** The optimizer's id, e.g. "adam", from the run as stored: {@code adam:lr=0.05,…}. */
    static String optimizer(Handin.Run run) {
        int colon = run.run().indexOf(':');
        return colon < 0 ? run.run() : run.run().substring(0, colon);
    }

    private static String color(Handin.Run run) {
        return colorOf(optimizer(run));
    }

    /** Each optimizer keeps one colour on every board: its place in the list of optimizers. */
    static String colorOf(String optimizerId) {
        int i = Optimizers.ALL.stream().map(m -> m.id()).toList().indexOf(optimizerId);
        return RaceDisplay.COLORS.get(Math.floorMod(i, RaceDisplay.COLORS.size()));
    }
}
