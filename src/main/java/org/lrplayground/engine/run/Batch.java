package org.lrplayground.engine.run;

import java.util.List;
import java.util.stream.IntStream;
import org.lrplayground.engine.surface.Point;

/**
 * One optimizer run from many start points (basins of attraction, sensitivity maps): per start the
 * final point, its loss and how the run ended, bit-identical to running each start alone in a
 * {@link Race}, since each start runs through the same {@link Lane}.
 *
 * <p>What a batch saves over that: f* is computed once (a grid search on surfaces unbounded below),
 * and by default no trajectory is recorded, only the last point. Runs are independent, so
 * {@link #runParallel} spreads blocks of starts over the cores. (Advancing a block of runs in
 * lockstep, so that the processor overlaps their dependency chains, measured no faster: an engine
 * step is bound by its instruction count, not by the latency of its chain; see BENCHMARKS.md.)
 */
public final class Batch {

    /** Starts per task when spread over the cores: enough work per task, enough tasks to balance. */
    static final int BLOCK = 64;

    private final Lane[] lanes;

    private Batch(RunSpec spec, RunConfig config, List<Point> starts, boolean keepTrajectories, boolean parallel) {
        if (starts.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one start point");
        }
        double fStar = spec.surface().fStar(spec.box());
        lanes = new Lane[starts.size()];
        IntStream blocks = IntStream.range(0, (starts.size() + BLOCK - 1) / BLOCK);
        (parallel ? blocks.parallel() : blocks).forEach(b -> {
            int from = b * BLOCK;
            int to = Math.min(from + BLOCK, starts.size());
            for (int i = from; i < to; i++) {
                Point p = starts.get(i);
                RunSpec single = new RunSpec(spec.surface(), spec.surfaceValues(), spec.box(), p, spec.steps(),
                        spec.noise(), spec.seed(), spec.batch(), List.of(config));
                lanes[i] = new Lane(single, config, fStar, keepTrajectories, false);
            }
            for (int i = from; i < to; i++) {
                lanes[i].advance(Integer.MAX_VALUE);
            }
        });
    }

    /**
     * Runs {@code config} on {@code spec}'s surface, box, steps, noise, seed and mini-batch size from
     * every start point (the spec's own start and runs are ignored), on the calling thread.
     *
     * @param keepTrajectories whether to record every point (memory: 64 bytes per point and run)
     */
    public static Batch run(RunSpec spec, RunConfig config, List<Point> starts, boolean keepTrajectories) {
        return new Batch(spec, config, starts, keepTrajectories, false);
    }

    /** As {@link #run}, with blocks of starts spread over the common fork-join pool. */
    public static Batch runParallel(RunSpec spec, RunConfig config, List<Point> starts, boolean keepTrajectories) {
        return new Batch(spec, config, starts, keepTrajectories, true);
    }

    /** Number of start points. */
    public int size() {
        return lanes.length;
    }

    /** x of run i's last recorded point; NaN when it recorded none (see {@link #points}). */
    public double x(int i) {
        return lanes[i].lastX();
    }

    public double y(int i) {
        return lanes[i].lastY();
    }

    /** The loss at run i's last recorded point; NaN when it recorded none. */
    public double loss(int i) {
        return lanes[i].lastLoss();
    }

    /** Points run i recorded, θ_0 … θ_{points − 1}; 0 when its start point already failed. */
    public int points(int i) {
        return lanes[i].points();
    }

    public RunStatus status(int i) {
        return lanes[i].status();
    }

    /** Updates done by all runs together (a diverging step counts, though its point is not recorded). */
    public long totalSteps() {
        long total = 0;
        for (Lane lane : lanes) {
            total += lane.status().kind() == RunStatus.Kind.DIVERGED ? lane.status().step() : lane.points() - 1;
        }
        return total;
    }

    /**
     * Every point of run i.
     *
     * @throws IllegalStateException when the batch was run without keeping trajectories
     */
    public Trajectory trajectory(int i) {
        Trajectory t = lanes[i].trajectory();
        if (t == null) {
            throw new IllegalStateException("this batch kept only the last points; run it with keepTrajectories = true");
        }
        return t;
    }
}
