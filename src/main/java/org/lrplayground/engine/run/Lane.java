package org.lrplayground.engine.run;

import java.util.List;
import org.lrplayground.engine.optim.Optimizer;
import org.lrplayground.engine.optim.StepContext;
import org.lrplayground.engine.param.Numbers;
import org.lrplayground.engine.optim.Stepper;
import org.lrplayground.engine.schedule.Schedule;
import org.lrplayground.engine.surface.Box;
import org.lrplayground.engine.surface.Minimum;
import org.lrplayground.engine.surface.Point;
import org.lrplayground.engine.surface.Surface;

/**
 * One optimizer run in progress: its optimizer state, schedule tracker, random stream and
 * trajectory (or, for a {@link Batch}, only its last point). {@link #advance} is the engine's inner
 * loop and does not allocate (beyond the trajectory's occasional chunk): races, batches and watched
 * runs (the lr finder) all step through it.
 */
final class Lane {

    /** A run whose gradient norm falls below this has converged. */
    static final double CONVERGED_GRADIENT = 1e-8;
    /** θ farther than this many box sizes from the box centre counts as diverged. */
    static final double DIVERGENCE_BOXES = 1e6;

    private final RunSpec spec;
    private final Surface surface;
    private final Surface.Sampler sampler;
    private final Stepper stepper;
    private final Schedule schedule;
    private final Schedule.Tracker tracker;
    private final double baseLr;
    private final StepContext c = new StepContext(2);
    /** Null when only the last point is kept. */
    private final Trajectory trajectory;
    // Read every step, so fetched once (unboundedBelow() may build the minima list each call).
    private final int steps;
    private final boolean unboundedBelow;
    private final double centerX, centerY, limit;
    /** Null in races and batches; a watched run ends when it says, not at convergence. */
    private final WatchedRun.Watcher watcher;
    private int points;
    private double lastX = Double.NaN, lastY = Double.NaN, lastLoss = Double.NaN;
    private RunStatus status = RunStatus.RUNNING;

    /**
     * A run that records its whole trajectory, or only its last point when {@code record} is false;
     * with {@code recordState} (which needs {@code record}) the trajectory also keeps the optimizer state.
     */
    Lane(RunSpec spec, RunConfig config, double fStar, boolean record, boolean recordState) {
        this(spec, spec.startOf(config), config.optimizer().instance(), config.optimizer().instance().lr(),
                config.schedule().instance(), fStar, record, recordState, null);
    }

    /**
     * A run of {@code optimizer} from {@code start} at η_t = baseLr · s_{t−1} of {@code schedule};
     * {@code watcher}, when not null, sees every point and ends the run instead of convergence.
     */
    Lane(RunSpec spec, Point start, Optimizer optimizer, double baseLr, Schedule schedule, double fStar,
         boolean record, boolean recordState, WatchedRun.Watcher watcher) {
        if (recordState && !record) {
            throw new IllegalArgumentException("recording the optimizer state needs the trajectory recorded");
        }
        this.spec = spec;
        this.watcher = watcher;
        surface = spec.surface();
        steps = spec.steps();
        unboundedBelow = surface.unboundedBelow();
        sampler = spec.sampler();
        stepper = optimizer.start(2);
        this.baseLr = baseLr;
        this.schedule = schedule;
        tracker = schedule.start(fStar);
        trajectory = record ? new Trajectory(spec.steps() + 1, recordState ? stepper.quantities() : List.of()) : null;
        Box box = spec.box();
        centerX = (box.xMin() + box.xMax()) / 2;
        centerY = (box.yMin() + box.yMax()) / 2;
        limit = DIVERGENCE_BOXES * Math.max(box.width(), box.height());
        c.fStar = fStar;
        c.theta[0] = start.x();
        c.theta[1] = start.y();
        sample();
        if (!problem(0)) {
            record(Double.NaN, Double.NaN, Double.NaN);
            settle(0);
        }
    }

    /** The recorded points; null when the lane keeps only the last one. */
    Trajectory trajectory() {
        return trajectory;
    }

    /** Points recorded so far: θ_0 … θ_{points − 1}. */
    int points() {
        return points;
    }

    double lastX() {
        return lastX;
    }

    double lastY() {
        return lastY;
    }

    double lastLoss() {
        return lastLoss;
    }

    RunStatus status() {
        return status;
    }

    /** Runs up to {@code maxSteps} more updates; returns the number done. */
    int advance(int maxSteps) {
        int done = 0;
        while (done < maxSteps && !status.finished()) {
            int t = points;
            c.t = t;
            c.eta = baseLr * tracker.multiplier(t - 1, c.loss);
            c.momentum = schedule.momentum(t - 1);
            stepper.step(c);
            c.theta[0] -= c.update[0];
            c.theta[1] -= c.update[1];
            sample();
            done++;
            if (problem(t)) {
                break;
            }
            record(c.lr[0], c.lr[1], c.eta);
            settle(t);
        }
        return done;
    }

    /** Records θ_t = c.theta with its loss and gradient, and the effective and scheduled lr of the update. */
    private void record(double lrX, double lrY, double eta) {
        if (trajectory != null) {
            trajectory.add(c.theta[0], c.theta[1], c.loss, c.grad[0], c.grad[1], lrX, lrY, eta);
        }
        lastX = c.theta[0];
        lastY = c.theta[1];
        lastLoss = c.loss;
        points++;
    }

    /** Evaluates the loss and the (noisy, mini-batch) gradient at θ. */
    private void sample() {
        c.loss = sampler.sample(c.theta[0], c.theta[1], c.grad);
    }

    /** Ends the run as diverged when step t produced something unusable; returns whether it did. */
    private boolean problem(int t) {
        String why = null;
        boolean undefined = false;
        if (!Double.isFinite(c.theta[0]) || !Double.isFinite(c.theta[1])) {
            why = "the position became infinite or undefined";
        } else if (Math.abs(c.theta[0] - centerX) > limit || Math.abs(c.theta[1] - centerY) > limit) {
            why = "the position went more than a million box sizes away";
        } else if (Double.isNaN(c.loss) || Double.isNaN(c.grad[0]) || Double.isNaN(c.grad[1])) {
            // A finite point where f is undefined (a custom log(x) at x < 0): a domain problem, not a rate problem.
            why = "the surface is undefined at (" + Numbers.format(c.theta[0]) + ", " + Numbers.format(c.theta[1]) + ")";
            undefined = true;
        } else if (!Double.isFinite(c.loss)) {
            why = "the loss overflowed";
        } else if (!Double.isFinite(c.grad[0]) || !Double.isFinite(c.grad[1])) {
            why = "the gradient overflowed";
        } else if (t > 0 && (!Double.isFinite(c.lr[0]) || !Double.isFinite(c.lr[1]))) {
            why = "the learning rate became infinite or undefined";
        }
        if (why == null) {
            return false;
        }
        RunStatus.Cause cause = t == 0
                ? (undefined ? RunStatus.Cause.UNDEFINED_AT_START : RunStatus.Cause.UNUSABLE_START)
                : (undefined ? RunStatus.Cause.UNDEFINED_POINT : RunStatus.Cause.RATE_TOO_LARGE);
        status = new RunStatus(RunStatus.Kind.DIVERGED, t, cause,
                "diverged at step " + t + ": " + why + ". " + cause.hint());
        return true;
    }

    /** Decides, after recording θ_t, whether the run has ended. */
    private void settle(int t) {
        if (watcher != null && t > 0 && watcher.stop(t, c.eta, c.loss)) {
            status = new RunStatus(RunStatus.Kind.STOPPED, t, RunStatus.Cause.NONE,
                    "stopped at step " + t + " by the analysis watching it");
        } else if (watcher == null && converged(c.grad[0], c.grad[1])) {
            status = new RunStatus(RunStatus.Kind.CONVERGED, t, RunStatus.Cause.NONE, "converged at step " + t);
        } else if (unboundedBelow && !spec.box().contains(c.theta[0], c.theta[1])) {
            status = leftBox(t);
        } else if (t >= steps) {
            status = new RunStatus(RunStatus.Kind.MAX_STEPS, t, RunStatus.Cause.NONE, "ran all " + t + " steps");
        }
    }

    /**
     * Left the box of a surface without a minimum in it. Not "the loss falls forever": a saddle's
     * does outside, but 1/x's is unbounded only at its pole inside the box and tends to 0 outside.
     */
    private RunStatus leftBox(int t) {
        RunStatus.Cause cause = RunStatus.Cause.NO_MINIMUM;
        return new RunStatus(RunStatus.Kind.LEFT_BOX, t, cause, "left the box at step " + t
                + ": this surface has no minimum in the box, so there is nothing for the run to converge to. "
                + cause.hint());
    }

    /**
     * |g| &lt; {@link #CONVERGED_GRADIENT}. Math.hypot is slow and hypot(a, b) ≥ max(|a|, |b|), so
     * testing the coordinates first gives the same answer without calling it on almost every step.
     */
    private static boolean converged(double gx, double gy) {
        return Math.abs(gx) < CONVERGED_GRADIENT && Math.abs(gy) < CONVERGED_GRADIENT
                && Math.hypot(gx, gy) < CONVERGED_GRADIENT;
    }

    /** Distance from the last point to the nearest known minimum; NaN when the surface has none. */
    double distanceToNearestMinimum() {
        return points == 0 ? Double.NaN : surface.distanceToNearestMinimum(lastX, lastY);
    }

    /** The optimizer's internal state after the last step (for the internals view and tests). */
    java.util.Map<String, double[]> optimizerState() {
        return stepper.state();
    }
}
