package org.lrplayground.engine.run;

import java.util.List;
import java.util.stream.IntStream;
import org.lrplayground.engine.optim.Optimizer;
import org.lrplayground.engine.optim.StepContext;
import org.lrplayground.engine.optim.Stepper;
import org.lrplayground.engine.schedule.Schedule;
import org.lrplayground.engine.schedule.Schedules;
import org.lrplayground.engine.surface.Point;
import org.lrplayground.engine.surface.Surface;

/**
 * One optimizer run from many start points (basins of attraction, sensitivity maps): per start the
 * final point, its loss and how the run ended, bit-identical to running each start alone in a
 * {@link Race}.
 *
 * <p>Two paths, chosen in {@link #structureOfArrays}. Where every start sees the same η_t and the
 * exact gradient, and the update is coordinate-wise, a block of starts steps in lockstep as
 * structure of arrays: one step of every start, then the next, through the optimizer's own step
 * over n·2 coordinates and the surface's gradient over n points, loops the JIT vectorises; the
 * arithmetic per coordinate is the one-run loop's, in the same order, hence the same bits. Otherwise
 * (noise, mini-batches, a feedback schedule, a method that reads the loss or a norm, kept
 * trajectories) each start runs through its own {@link Lane}, start after start. Either way f* is
 * computed once, only the last point is kept by default, and {@link #runParallel} spreads blocks of
 * starts over the cores.
 *
 * <p>On request ({@link #runWithTail}) each start also sums f − f* over the last steps of the budget,
 * on either path, as the points are made: a tuning's score needs no trajectories, so its starts keep
 * the lockstep path.
 *
 * <p>Both paths report their steps to a {@link Progress} as they go (a lockstep block after each of
 * its steps, a lane after each {@link Progress#CHUNK} steps), which may stop the batch.
 */
public final class Batch {

    /** Starts per task on the per-start path: enough work per task, enough tasks to balance. */
    static final int BLOCK = 64;
    /**
     * Starts per structure-of-arrays block: long loops for SIMD, while the block's arrays (two
     * contexts, the losses and Adam's state: about 200 bytes per start) stay in the L2 cache.
     */
    static final int SOA_BLOCK = 512;

    private final double[] x, y, loss;
    private final RunStatus[] status;
    /** Steps at the end of the budget whose f − f* {@link #tailSum} adds up; 0 for none. */
    private final int tail, steps;
    private final double fStar;
    /** Per start, Σ f_t − f* over t > steps − tail so far; null when no tail is asked for. */
    private final double[] tailSum;
    /** Null unless the batch keeps trajectories. */
    private final Trajectory[] trajectories;

    private final Progress progress;

    private Batch(RunSpec spec, RunConfig run, List<Point> starts, boolean keepTrajectories, boolean parallel, int tail,
                  Progress progress) {
        if (starts.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one start point");
        }
        // The starts replace the run's own start too, which would otherwise win over each lane's spec.
        RunConfig config = new RunConfig(run.optimizer(), run.schedule(), null);
        int n = starts.size();
        x = new double[n];
        y = new double[n];
        loss = new double[n];
        status = new RunStatus[n];
        trajectories = keepTrajectories ? new Trajectory[n] : null;
        this.tail = tail;
        this.progress = progress;
        steps = spec.steps();
        tailSum = tail > 0 ? new double[n] : null;
        fStar = spec.surface().fStar(spec.box());
        boolean soa = structureOfArrays(spec, config, keepTrajectories);
        int block = soa ? SOA_BLOCK : BLOCK;
        IntStream blocks = IntStream.range(0, (n + block - 1) / block);
        (parallel ? blocks.parallel() : blocks).forEach(b -> {
            int from = b * block;
            int to = Math.min(from + block, n);
            if (soa) {
                new Block(spec, config, fStar, starts, from, to).run();
            } else {
                runLanes(spec, config, fStar, starts, from, to);
            }
        });
    }

    /**
     * Runs {@code config} on {@code spec}'s surface, box, steps, noise, seed and mini-batch size from
     * every start point (the spec's start and runs and the config's own start are ignored), on the
     * calling thread.
     *
     * @param keepTrajectories whether to record every point (memory: 64 bytes per point and run)
     */
    public static Batch run(RunSpec spec, RunConfig config, List<Point> starts, boolean keepTrajectories) {
        return run(spec, config, starts, keepTrajectories, Progress.NONE);
    }

    /** As {@link #run}, reporting to {@code progress}, which may stop it by throwing {@link Progress.Cancelled}. */
    public static Batch run(RunSpec spec, RunConfig config, List<Point> starts, boolean keepTrajectories, Progress progress) {
        return new Batch(spec, config, starts, keepTrajectories, false, 0, progress);
    }

    /** As {@link #run}, with blocks of starts spread over the common fork-join pool. */
    public static Batch runParallel(RunSpec spec, RunConfig config, List<Point> starts, boolean keepTrajectories) {
        return runParallel(spec, config, starts, keepTrajectories, Progress.NONE);
    }

    /** As {@link #runParallel}, reporting to {@code progress}, which may stop it by throwing {@link Progress.Cancelled}. */
    public static Batch runParallel(RunSpec spec, RunConfig config, List<Point> starts, boolean keepTrajectories,
                                    Progress progress) {
        return new Batch(spec, config, starts, keepTrajectories, true, 0, progress);
    }

    /**
     * As {@link #run} without trajectories, each start also measuring {@link #tailMean} over the
     * last {@code tail} steps of the budget (1 … the spec's steps).
     */
    public static Batch runWithTail(RunSpec spec, RunConfig config, List<Point> starts, int tail) {
        return runWithTail(spec, config, starts, tail, Progress.NONE);
    }

    /** As {@link #runWithTail}, reporting to {@code progress}, which may stop it by throwing {@link Progress.Cancelled}. */
    public static Batch runWithTail(RunSpec spec, RunConfig config, List<Point> starts, int tail, Progress progress) {
        if (tail < 1 || tail > spec.steps()) {
            throw new IllegalArgumentException("the tail must be 1 to " + spec.steps() + " steps (got " + tail + ")");
        }
        return new Batch(spec, config, starts, false, false, tail, progress);
    }

    /**
     * The one place that picks the path: lockstep blocks need the same η_t for every start (a
     * schedule of the step alone), the same exact gradient at a point whatever the run (no noise or
     * mini-batches), a coordinate-wise update ({@link Optimizer#coordinatewise}) and no trajectories
     * to record.
     */
    static boolean structureOfArrays(RunSpec spec, RunConfig config, boolean keepTrajectories) {
        return !keepTrajectories && spec.exactGradients() && config.optimizer().instance().coordinatewise()
                && Schedules.stepOnly(config.schedule().instance());
    }

    /** Number of start points. */
    public int size() {
        return x.length;
    }

    /** x of run i's last recorded point; NaN when it recorded none (see {@link #points}). */
    public double x(int i) {
        return x[i];
    }

    public double y(int i) {
        return y[i];
    }

    /** The loss at run i's last recorded point; NaN when it recorded none. */
    public double loss(int i) {
        return loss[i];
    }

    /** Points run i recorded, θ_0 … θ_{points − 1}; 0 when its start point already failed. */
    public int points(int i) {
        RunStatus s = status[i];
        // A diverging step's point is not recorded; every other ending records the point of its step.
        return s.kind() == RunStatus.Kind.DIVERGED ? s.step() : s.step() + 1;
    }

    public RunStatus status(int i) {
        return status[i];
    }

    /**
     * The mean of f_t − f* over the budget's last steps t = steps − tail + 1 … steps; a run that
     * ended before (it converged, or left the box) holds its last point for the steps it did not
     * run. NaN for a run that diverged, whose last points do not exist.
     *
     * @throws IllegalStateException when the batch was not run with a tail ({@link #runWithTail})
     */
    public double tailMean(int i) {
        if (tailSum == null) {
            throw new IllegalStateException("this batch measured no tail; run it with runWithTail");
        }
        return tailSum[i] / tail;
    }

    /**
     * Updates done by all runs together: each run's status step (a diverging step counts, though
     * its point is not recorded).
     */
    public long totalSteps() {
        long total = 0;
        for (RunStatus s : status) {
            total += s.step();
        }
        return total;
    }

    /**
     * Every point of run i.
     *
     * @throws IllegalStateException when the batch was run without keeping trajectories
     */
    public Trajectory trajectory(int i) {
        if (trajectories == null) {
            throw new IllegalStateException("this batch kept only the last points; run it with keepTrajectories = true");
        }
        return trajectories[i];
    }

    /** Starts from … to − 1, each through its own lane to its end. */
    private void runLanes(RunSpec spec, RunConfig config, double fStar, List<Point> starts, int from, int to) {
        for (int i = from; i < to; i++) {
            RunSpec single = new RunSpec(spec.surface(), spec.surfaceValues(), spec.box(), starts.get(i), spec.steps(),
                    spec.noise(), spec.seed(), spec.batch(), List.of(config));
            Lane lane = new Lane(single, config, fStar, trajectories != null, false);
            if (tailSum == null) {
                while (!lane.status().finished()) {
                    progress.done(lane.advance(Progress.CHUNK));
                }
            } else {
                for (int left = steps - tail; left > 0 && !lane.status().finished(); ) {
                    int done = lane.advance(Math.min(left, Progress.CHUNK));
                    left -= done;
                    progress.done(done);
                }
                while (!lane.status().finished()) {
                    lane.advance(1);
                    if (!lane.status().finished()) {
                        tailSum[i] += lane.lastLoss() - fStar;
                    }
                }
                progress.done(tail);
            }
            finish(i, lane.status(), lane.lastX(), lane.lastY(), lane.lastLoss());
            if (trajectories != null) {
                trajectories[i] = lane.trajectory();
            }
        }
    }

    /**
     * Records how run i ended. Its tail holds so far the points of the steps after which it went
     * on; the point it ended on, and the budget's steps it did not run, count as its last point.
     */
    private void finish(int i, RunStatus ended, double lastX, double lastY, double lastLoss) {
        status[i] = ended;
        x[i] = lastX;
        y[i] = lastY;
        loss[i] = lastLoss;
        if (tailSum != null) {
            tailSum[i] = ended.kind() == RunStatus.Kind.DIVERGED ? Double.NaN
                    : tailSum[i] + Math.min(tail, steps - ended.step() + 1) * (lastLoss - fStar);
        }
    }

    /**
     * Starts from … to − 1 in lockstep, structure of arrays: θ as [x_0 … x_{n−1}, y_0 … y_{n−1}].
     * Two contexts take turns: step t reads θ_{t−1} from one and writes θ_t into the other, so a
     * run that diverges at t still has its last good point. Finished runs keep being stepped with
     * the rest (their values are no longer read): masking them would cost the loop its SIMD.
     */
    private final class Block {
        private final int from, n;
        private final Surface surface;
        private final Stops stops;
        private final Stepper stepper;
        private final Schedule schedule;
        private final Schedule.Tracker tracker;
        private final double baseLr;
        private final boolean[] done;
        private int running;
        private StepContext now, next;
        private double[] lossNow, lossNext;

        Block(RunSpec spec, RunConfig config, double fStar, List<Point> starts, int from, int to) {
            this.from = from;
            n = to - from;
            surface = spec.surface();
            stops = new Stops(spec);
            Optimizer optimizer = config.optimizer().instance();
            stepper = optimizer.start(2 * n);
            baseLr = optimizer.lr();
            schedule = config.schedule().instance();
            tracker = schedule.start(fStar);
            done = new boolean[n];
            now = context(fStar);
            next = context(fStar);
            lossNow = new double[n];
            lossNext = new double[n];
            for (int i = 0; i < n; i++) {
                Point p = starts.get(from + i);
                now.theta[i] = p.x();
                now.theta[n + i] = p.y();
            }
        }

        /** A context over all the block's coordinates; the loss stays NaN, as coordinate-wise steps never read it. */
        private StepContext context(double fStar) {
            StepContext c = new StepContext(2 * n);
            c.fStar = fStar;
            c.loss = Double.NaN;
            return c;
        }

        void run() {
            surface.gradients(n, now.theta, now.grad, lossNow);
            running = n;
            for (int i = 0; i < n; i++) {
                double px = now.theta[i], py = now.theta[n + i], gx = now.grad[i], gy = now.grad[n + i];
                RunStatus ended = stops.diverged(0, px, py, lossNow[i], gx, gy, Double.NaN, Double.NaN);
                if (ended != null) {
                    end(i, ended, Double.NaN, Double.NaN, Double.NaN);
                } else if ((ended = stops.ended(0, px, py, gx, gy, false)) != null) {
                    end(i, ended, px, py, lossNow[i]);
                }
            }
            for (int t = 1; running > 0; t++) {
                step(t);
                check(t);
                progress.done(n);
                StepContext c = now;
                now = next;
                next = c;
                double[] l = lossNow;
                lossNow = lossNext;
                lossNext = l;
            }
        }

        /** θ_t = θ_{t−1} − u_t for every start, and f and ∇f there; the same as {@link Lane#advance}. */
        private void step(int t) {
            now.t = t;
            // A schedule of the step alone: the loss the tracker is handed does not matter.
            now.eta = baseLr * tracker.multiplier(t - 1, Double.NaN);
            now.momentum = schedule.momentum(t - 1);
            stepper.stepMany(now);
            double[] from = now.theta, update = now.update, to = next.theta;
            for (int k = 0; k < to.length; k++) {
                to[k] = from[k] - update[k];
            }
            surface.gradients(n, next.theta, next.grad, lossNext);
        }

        /**
         * Ends, as {@link Stops} says, the runs that step t ended; the cheap filter spares the rest.
         * The runs that go on add their point to their tail once it has begun.
         */
        private void check(int t) {
            boolean last = t >= steps;
            double[] theta = next.theta, grad = next.grad, lr = now.lr;
            for (int i = 0; i < n; i++) {
                double px = theta[i], py = theta[n + i], gx = grad[i], gy = grad[n + i];
                double lrX = lr[i], lrY = lr[n + i];
                if (!done[i] && (last || stops.mayEnd(px, py, lossNext[i], gx, gy, lrX, lrY))) {
                    RunStatus ended = stops.diverged(t, px, py, lossNext[i], gx, gy, lrX, lrY);
                    if (ended != null) {
                        end(i, ended, now.theta[i], now.theta[n + i], lossNow[i]);
                    } else if ((ended = stops.ended(t, px, py, gx, gy, false)) != null) {
                        end(i, ended, px, py, lossNext[i]);
                    }
                }
            }
            if (tailSum != null && t > steps - tail) {
                for (int i = 0; i < n; i++) {
                    if (!done[i]) {
                        tailSum[from + i] += lossNext[i] - fStar;
                    }
                }
            }
        }

        private void end(int i, RunStatus ended, double lastX, double lastY, double lastLoss) {
            done[i] = true;
            running--;
            finish(from + i, ended, lastX, lastY, lastLoss);
        }
    }
}
