package org.lrplayground.engine.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.lrplayground.engine.param.Method;
import org.lrplayground.engine.param.Param;
import org.lrplayground.engine.param.Param.Context;
import org.lrplayground.engine.param.Values;
import org.lrplayground.engine.run.Batch;
import org.lrplayground.engine.run.Choice;
import org.lrplayground.engine.run.Cost;
import org.lrplayground.engine.run.Progress;
import org.lrplayground.engine.run.Race;
import org.lrplayground.engine.run.RunConfig;
import org.lrplayground.engine.run.RunSpec;
import org.lrplayground.engine.run.RunStatus;
import org.lrplayground.engine.run.Trajectory;
import org.lrplayground.engine.schedule.Schedule;
import org.lrplayground.engine.schedule.Schedules;
import org.lrplayground.engine.surface.Box;
import org.lrplayground.engine.surface.Point;

/**
 * Two ways to look for a better minimum than one run finds, each given N tries of the scene's
 * steps: N random starts keeping the best, and one run with N cycles of warm restarts.
 *
 * <ul>
 *   <li><b>Best of N random starts.</b> {@link #SAMPLES} starts drawn uniformly in the box (from the
 *   scene's seed) each run for the scene's steps. For N tries, the typical best is the median of
 *   min(f − f*) over N of them drawn without replacement: the smallest gap g₍ₖ₎ (sorted ascending)
 *   with P(min ≤ g₍ₖ₎) = 1 − C(M − k, N) / C(M, N) ≥ ½. Order statistics instead of one draw, so the
 *   curve shows what N tries usually give, not one lucky sequence. A run that diverged or left the
 *   box counts as +∞. With G of the M starts converging to a global minimum, N tries reach one with
 *   probability 1 − C(M − G, N) / C(M, N) ≈ 1 − (1 − share)^N: how local a minimum is, as odds.</li>
 *   <li><b>Warm restarts</b> (SGDR, Loshchilov &amp; Hutter, arXiv 1608.03983): the run's optimizer
 *   from the scene's start with cosine annealing restarted every {@code steps} steps (T_0 = steps,
 *   T_mult = 1, η_min = 0), for N · steps steps; after cycle N, the smallest f − f* at the ends of
 *   cycles 1 … N, where η has annealed to η_min. A restart resets the rate, not the position or the
 *   optimizer's state: it can only leave a basin by the step the raised rate gives, and a run that
 *   has converged (|g| &lt; 1e-8) stops there.</li>
 * </ul>
 * The warm-restart run is one race of at most {@link RunSpec#MAX_STEPS} steps, so it covers
 * N ≤ MAX_STEPS / steps tries; beyond that its values are NaN.
 */
public final class Restarts {

    /** Tries per answer: random starts, or warm-restart cycles. */
    public static final Param TRIES = Param.integer("n", 20, 1, 200, "tries: random starts, or cycles of warm restarts");
    /** Random starts sampled for the order statistics: enough that a basin of 1 % holds about ten. */
    public static final int SAMPLES = 1024;

    /**
     * The answers after {@code n} tries, f − f* as the run format measures it (NaN where not computed).
     *
     * @param randomStarts the median best f − f* of n random starts; +∞ when most n-try sets only diverged
     * @param randomStarts90 the best f − f* that n random starts reach 9 times in 10 (the 90th percentile)
     * @param globalChance the probability that n random starts reach a global minimum; NaN when the
     *                     surface knows no minimum in the box
     * @param warmRestarts the best f − f* at the ends of the first n warm-restart cycles
     */
    public record Tries(int n, double randomStarts, double randomStarts90, double globalChance, double warmRestarts) {
    }

    private Restarts() {
    }

    /**
     * The answers for 1 … {@code n} tries of {@code scene}'s run {@code run} (from 0).
     *
     * @throws IllegalArgumentException for a run the scene does not have or n outside {@link #TRIES}'s range
     */
    public static List<Tries> of(RunSpec scene, int run, int n) {
        return of(scene, run, n, Progress.NONE);
    }

    /** As {@link #of(RunSpec, int, int)}, reporting to {@code progress}, which may stop it. */
    public static List<Tries> of(RunSpec scene, int run, int n, Progress progress) {
        RunConfig config = Basins.run(scene, run);
        int tries = TRIES.checkInt(n);
        double fStar = scene.surface().fStar(scene.box());
        double[] gaps = new double[SAMPLES];
        int global = 0;
        List<Point> starts = randomStarts(scene.box(), scene.seed());
        List<Point> minima = Basins.globalMinima(scene);
        double tolerance = Basins.tolerance(scene.box());
        Batch batch = Batch.runParallel(scene, config, starts, false, progress);
        for (int i = 0; i < SAMPLES; i++) {
            RunStatus status = batch.status(i);
            boolean failed = status.kind() == RunStatus.Kind.DIVERGED || status.kind() == RunStatus.Kind.LEFT_BOX
                    || !Double.isFinite(batch.loss(i));
            gaps[i] = failed ? Double.POSITIVE_INFINITY : batch.loss(i) - fStar;
            if (status.kind() == RunStatus.Kind.CONVERGED && Basins.nearest(minima, batch.x(i), batch.y(i), tolerance) >= 0) {
                global++;
            }
        }
        Arrays.sort(gaps);
        double[] cycleEnds = warmRestartGaps(scene, config, tries, fStar, progress);
        List<Tries> out = new ArrayList<>(tries);
        double best = Double.NaN;
        for (int k = 1; k <= tries; k++) {
            if (k <= cycleEnds.length) {
                best = k == 1 ? cycleEnds[0] : Math.min(best, cycleEnds[k - 1]);
            }
            out.add(new Tries(k, best(gaps, k, 0.5), best(gaps, k, 0.9), minima.isEmpty() ? Double.NaN : 1 - noneOf(SAMPLES, global, k),
                    k <= cycleEnds.length ? best : Double.NaN));
        }
        return out;
    }

    /**
     * What {@link #of} costs: {@link #SAMPLES} runs of the scene's steps, and the warm restarts'
     * one run of n cycles (at most {@link RunSpec#MAX_STEPS} steps). The samples dominate, so
     * fewer steps lower it.
     */
    public static Cost cost(RunSpec scene, int n) {
        long cycles = Math.min(n, RunSpec.MAX_STEPS / scene.steps());
        return Cost.of(scene, SAMPLES + cycles, "steps");
    }

    /** The sampled starts, uniform in the box: the same scene and seed give the same starts. */
    static List<Point> randomStarts(Box box, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Point> starts = new ArrayList<>(SAMPLES);
        for (int i = 0; i < SAMPLES; i++) {
            starts.add(new Point(box.xMin() + box.width() * random.nextDouble(), box.yMin() + box.height() * random.nextDouble()));
        }
        return starts;
    }

    /**
     * The q-quantile of the smallest of n values drawn without replacement from {@code sorted}
     * (ascending): the smallest value that the best of n reaches with probability ≥ q.
     */
    static double best(double[] sorted, int n, double q) {
        int m = sorted.length;
        // P(min > sorted[k − 1]) = C(m − k, n) / C(m, n) falls as k grows: the first k where it is ≤ 1 − q.
        int lo = 1, hi = m - n + 1;
        while (lo < hi) {
            int k = (lo + hi) >>> 1;
            // The tolerance keeps a chance of exactly 1 − q (e.g. 1 in 10) from failing by a rounding.
            if (noneOf(m, k, n) <= 1 - q + 1e-12) {
                hi = k;
            } else {
                lo = k + 1;
            }
        }
        return sorted[lo - 1];
    }

    /** C(m − k, n) / C(m, n): the chance that n of m items drawn without replacement miss k given ones. */
    static double noneOf(int m, int k, int n) {
        double p = 1;
        for (int j = 0; j < n && p > 0; j++) {
            p *= Math.max(0, m - k - j) / (double) (m - j);
        }
        return p;
    }

    /** f − f* at the end of each warm-restart cycle that fits in one race: cycle c ends at step c · steps. */
    private static double[] warmRestartGaps(RunSpec scene, RunConfig config, int tries, double fStar, Progress progress) {
        int steps = scene.steps();
        int cycles = Math.min(tries, RunSpec.MAX_STEPS / steps);
        if (cycles < 1) {
            return new double[0];
        }
        int total = cycles * steps;
        Method<Schedule> method = Schedules.byId("warm-restarts").orElseThrow();
        Choice<Schedule> sgdr = Choice.of(method, Values.of(method.params(), Map.of("T_0", (double) steps),
                new Context(config.schedule().values().context().lr(), total)));
        RunSpec warm = new RunSpec(scene.surface(), scene.surfaceValues(), scene.box(), scene.startOf(config), total,
                scene.noise(), scene.seed(), scene.batch(), List.of(new RunConfig(config.optimizer(), sgdr, null)));
        Race race = new Race(warm);
        while (race.advance(Progress.CHUNK)) {
            progress.done(Progress.CHUNK);
        }
        Trajectory path = race.trajectory(0);
        double[] gaps = new double[cycles];
        for (int c = 0; c < cycles; c++) {
            // A run that ended early (converged, diverged) stays at its last point for the cycles after.
            int t = Math.min((c + 1) * steps, path.size() - 1);
            double loss = path.size() == 0 ? Double.NaN : path.loss(t);
            boolean failed = race.status(0).kind() != RunStatus.Kind.CONVERGED && race.status(0).kind() != RunStatus.Kind.MAX_STEPS
                    && t >= path.size() - 1;
            gaps[c] = failed || !Double.isFinite(loss) ? Double.POSITIVE_INFINITY : loss - fStar;
        }
        return gaps;
    }
}
