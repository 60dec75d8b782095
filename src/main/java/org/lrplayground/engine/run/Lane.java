package org.lrplayground.engine.run;

import java.util.List;
import org.lrplayground.engine.optim.Optimizer;
import org.lrplayground.engine.optim.StepContext;
import org.lrplayground.engine.optim.Stepper;
import org.lrplayground.engine.schedule.Schedule;
import org.lrplayground.engine.surface.Point;
import org.lrplayground.engine.surface.Surface;

/**
 * One optimizer run in progress: its optimizer state, schedule tracker, random stream and
 * trajectory (or, for a {@link Batch}, only its last point). {@link #advance} is the engine's inner
 * loop and does not allocate (beyond the trajectory's occasional chunk): races, watched runs (the lr
 * finder) and the batches that cannot run in lockstep step through it. How a run ends is
 * {@link Stops}'s to say, for lanes and lockstep batches alike.
 */
final class Lane {

    private final Surface surface;
    private final Surface.Sampler sampler;
    private final Stepper stepper;
    private final Schedule schedule;
    private final Schedule.Tracker tracker;
    private final double baseLr;
    private final StepContext c = new StepContext(2);
    /** Null when only the last point is kept. */
    private final Trajectory trajectory;
    private final Stops stops;
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
        this.watcher = watcher;
        surface = spec.surface();
        stops = new Stops(spec);
        sampler = spec.sampler();
        stepper = optimizer.start(2);
        this.baseLr = baseLr;
        this.schedule = schedule;
        tracker = schedule.start(fStar);
        trajectory = record ? new Trajectory(spec.steps() + 1, recordState ? stepper.quantities() : List.of()) : null;
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
        RunStatus diverged = stops.diverged(t, c.theta[0], c.theta[1], c.loss, c.grad[0], c.grad[1], c.lr[0], c.lr[1]);
        if (diverged != null) {
            status = diverged;
        }
        return diverged != null;
    }

    /** Decides, after recording θ_t, whether the run has ended. */
    private void settle(int t) {
        if (watcher != null && t > 0 && watcher.stop(t, c.eta, c.loss)) {
            status = new RunStatus(RunStatus.Kind.STOPPED, t, RunStatus.Cause.NONE,
                    "stopped at step " + t + " by the analysis watching it");
            return;
        }
        RunStatus ended = stops.ended(t, c.theta[0], c.theta[1], c.grad[0], c.grad[1], watcher != null);
        if (ended != null) {
            status = ended;
        }
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
