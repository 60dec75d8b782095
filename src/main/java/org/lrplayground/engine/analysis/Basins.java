package org.lrplayground.engine.analysis;

import java.util.ArrayList;
import java.util.List;
import org.lrplayground.engine.param.Param;
import org.lrplayground.engine.run.Batch;
import org.lrplayground.engine.run.Cost;
import org.lrplayground.engine.run.Progress;
import org.lrplayground.engine.run.RunConfig;
import org.lrplayground.engine.run.RunSpec;
import org.lrplayground.engine.run.RunStatus;
import org.lrplayground.engine.surface.Box;
import org.lrplayground.engine.surface.Minimum;
import org.lrplayground.engine.surface.Point;

/**
 * Basins of attraction of one run of a scene: the box cut into n × n cells, a run from every
 * cell's centre for the scene's steps (on a {@link Batch}, both cores), and for each cell the known
 * minimum its run converged to, so that a picture shows which start ends where, and each minimum's
 * share of the box.
 *
 * <p>A cell belongs to a minimum when its run converged (|g| &lt; 1e-8) within {@link #MATCH} box
 * sizes of it; the minima are the surface's known ones inside the box. Every other cell has none
 * (−1): it diverged, left the box, ran out of steps first, or converged to a stationary point that
 * is no known minimum (a saddle, a maximum). So the shares sum to at most 1.
 */
public final class Basins {

    /** Cells per side. 300 × 300 starts are 90 000 runs: the most one answer should compute. */
    public static final Param GRID = Param.integer("grid", 100, 1, 300, "cells per side of the grid of starts over the box");

    /**
     * How close to a minimum, in sizes of the box's longer side, a converged run must end to be
     * counted in its basin. A converged run sits within about |g| / curvature (≈ 1e-8) of a
     * stationary point, and distinct minima lie far more than this apart, so the tolerance only
     * tells a minimum from another stationary point.
     */
    static final double MATCH = 1e-3;

    /** A known minimum in the box and the share of the box's cells whose runs end in it. */
    public record Basin(Point at, double share) {
    }

    /**
     * One cell: its start (the cell's centre), the index in {@link #minima} of the minimum its run
     * ended at or −1, how its run ended, at which step, and the loss at its last point (NaN when its
     * start already failed).
     */
    public record Cell(double x0, double y0, int minimum, RunStatus.Kind status, int steps, double finalLoss) {
    }

    private final int grid;
    private final List<Basin> minima;
    private final List<Cell> cells;

    private Basins(int grid, List<Basin> minima, List<Cell> cells) {
        this.grid = grid;
        this.minima = List.copyOf(minima);
        this.cells = List.copyOf(cells);
    }

    /**
     * The basins of {@code scene}'s run {@code run} (from 0) on a {@code grid} × {@code grid} grid over
     * the scene's box; the scene's start and the run's own start are replaced by the cells' centres.
     *
     * @throws IllegalArgumentException for a run the scene does not have or a grid outside {@link #GRID}'s range
     */
    public static Basins of(RunSpec scene, int run, int grid) {
        return of(scene, run, grid, Progress.NONE);
    }

    /** As {@link #of(RunSpec, int, int)}, reporting to {@code progress}, which may stop it. */
    public static Basins of(RunSpec scene, int run, int grid, Progress progress) {
        RunConfig config = run(scene, run);
        int n = GRID.checkInt(grid);
        Box box = scene.box();
        List<Point> starts = new ArrayList<>(n * n);
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                starts.add(new Point(box.xMin() + box.width() * (i + 0.5) / n, box.yMin() + box.height() * (j + 0.5) / n));
            }
        }
        List<Point> known = minima(scene).stream().map(Minimum::at).toList();
        double tolerance = tolerance(box);
        Batch batch = Batch.runParallel(scene, config, starts, false, progress);
        int[] counts = new int[known.size()];
        List<Cell> cells = new ArrayList<>(starts.size());
        for (int c = 0; c < starts.size(); c++) {
            RunStatus status = batch.status(c);
            int minimum = status.kind() == RunStatus.Kind.CONVERGED
                    ? nearest(known, batch.x(c), batch.y(c), tolerance) : -1;
            if (minimum >= 0) {
                counts[minimum]++;
            }
            cells.add(new Cell(starts.get(c).x(), starts.get(c).y(), minimum, status.kind(), status.step(), batch.loss(c)));
        }
        List<Basin> basins = new ArrayList<>(known.size());
        for (int k = 0; k < known.size(); k++) {
            basins.add(new Basin(known.get(k), (double) counts[k] / starts.size()));
        }
        return new Basins(n, basins, cells);
    }

    /** What {@link #of} costs: a run of the scene's steps from each of the grid² cells. */
    public static Cost cost(RunSpec scene, int grid) {
        return Cost.of(scene, (long) grid * grid, GRID.name());
    }

    /** The scene's run {@code run}, counted from 0. */
    static RunConfig run(RunSpec scene, int run) {
        if (run < 0 || run >= scene.runs().size()) {
            throw new IllegalArgumentException("the scene has runs 0 to " + (scene.runs().size() - 1) + ", not run " + run);
        }
        return scene.runs().get(run);
    }

    /** The surface's known minima inside the scene's box. */
    private static List<Minimum> minima(RunSpec scene) {
        return scene.surface().minima().stream().filter(m -> scene.box().contains(m.at().x(), m.at().y())).toList();
    }

    /** The known minima in the box whose value is the lowest of them (Himmelblau has four). */
    static List<Point> globalMinima(RunSpec scene) {
        List<Minimum> known = minima(scene);
        double lowest = known.stream().mapToDouble(Minimum::value).min().orElse(Double.NaN);
        return known.stream().filter(m -> m.value() <= lowest + 1e-9 * Math.max(1, Math.abs(lowest)))
                .map(Minimum::at).toList();
    }

    /** How close to a minimum a converged run must end to count as reaching it: {@link #MATCH} box sizes. */
    static double tolerance(Box box) {
        return MATCH * Math.max(box.width(), box.height());
    }

    /** The index of the minimum nearest to (x, y) if it is within {@code tolerance}, else −1. */
    static int nearest(List<Point> minima, double x, double y, double tolerance) {
        int best = -1;
        double bestDistance = tolerance;
        for (int k = 0; k < minima.size(); k++) {
            double d = Math.hypot(x - minima.get(k).x(), y - minima.get(k).y());
            if (d <= bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Cells per side. */
    public int grid() {
        return grid;
    }

    /** The surface's known minima inside the box, in the surface's order, with their shares. */
    public List<Basin> minima() {
        return minima;
    }

    /** grid × grid cells in rows from the box's lower-left cell, x fastest: cell (i, j) is at j · grid + i. */
    public List<Cell> cells() {
        return cells;
    }
}
