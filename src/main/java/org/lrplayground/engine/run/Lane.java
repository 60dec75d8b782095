package org.lrplayground.engine.run;

import java.util.SplittableRandom;
import org.lrplayground.engine.optim.StepContext;
import org.lrplayground.engine.optim.Stepper;
import org.lrplayground.engine.schedule.Schedule;
import org.lrplayground.engine.surface.Box;
import org.lrplayground.engine.surface.Minimum;
import org.lrplayground.engine.surface.Surface;

/**
 * One optimizer run in progress: its optimizer state, schedule tracker, random stream and
 * trajectory. {@link #advance} is the engine's inner loop and does not allocate (beyond the
 * trajectory's occasional chunk).
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
    private final SplittableRandom random;
    private final StepContext c = new StepContext(2);
    private final Trajectory trajectory;
    private final double centerX, centerY, limit;
    private RunStatus status = RunStatus.RUNNING;

    Lane(RunSpec spec, RunConfig config, double fStar) {
        this.spec = spec;
        surface = spec.surface();
        random = new SplittableRandom(spec.seed());
        sampler = surface.sampler(random, spec.batch());
        stepper = config.optimizer().instance().start(2);
        baseLr = config.optimizer().instance().lr();
        schedule = config.schedule().instance();
        tracker = schedule.start(fStar);
        trajectory = new Trajectory(spec.steps() + 1);
        Box box = spec.box();
        centerX = (box.xMin() + box.xMax()) / 2;
        centerY = (box.yMin() + box.yMax()) / 2;
        limit = DIVERGENCE_BOXES * Math.max(box.width(), box.height());
        c.fStar = fStar;
        c.theta[0] = spec.start().x();
        c.theta[1] = spec.start().y();
        sample();
        if (!problem(0)) {
            trajectory.add(c.theta[0], c.theta[1], c.loss, c.grad[0], c.grad[1], Double.NaN, Double.NaN);
            settle(0);
        }
    }

    Trajectory trajectory() {
        return trajectory;
    }

    RunStatus status() {
        return status;
    }

    /** Runs up to {@code maxSteps} more updates; returns the number done. */
    int advance(int maxSteps) {
        int done = 0;
        while (done < maxSteps && !status.finished()) {
            int t = trajectory.size();
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
            trajectory.add(c.theta[0], c.theta[1], c.loss, c.grad[0], c.grad[1], c.lr[0], c.lr[1]);
            settle(t);
        }
        return done;
    }

    /** Evaluates the loss and the (noisy) gradient at θ. */
    private void sample() {
        c.loss = sampler.sample(c.theta[0], c.theta[1], c.grad);
        if (spec.noise() > 0) {
            c.grad[0] += spec.noise() * random.nextGaussian();
            c.grad[1] += spec.noise() * random.nextGaussian();
        }
    }

    /** Ends the run as diverged when step t produced something unusable; returns whether it did. */
    private boolean problem(int t) {
        String why = null;
        if (!Double.isFinite(c.theta[0]) || !Double.isFinite(c.theta[1])) {
            why = "the position became infinite or undefined";
        } else if (Math.abs(c.theta[0] - centerX) > limit || Math.abs(c.theta[1] - centerY) > limit) {
            why = "the position went more than a million box sizes away";
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
        status = new RunStatus(RunStatus.Kind.DIVERGED, t, "diverged at step " + t + ": " + why
                + ". This learning rate is too large for this surface — try one ten times smaller.");
        return true;
    }

    /** Decides, after recording θ_t, whether the run has ended. */
    private void settle(int t) {
        if (Math.hypot(c.grad[0], c.grad[1]) < CONVERGED_GRADIENT) {
            status = new RunStatus(RunStatus.Kind.CONVERGED, t, "converged at step " + t);
        } else if (surface.unboundedBelow() && !spec.box().contains(c.theta[0], c.theta[1])) {
            status = new RunStatus(RunStatus.Kind.LEFT_BOX, t, "left the box at step " + t
                    + ": this surface has no minimum, the loss falls forever outside it");
        } else if (t >= spec.steps()) {
            status = new RunStatus(RunStatus.Kind.MAX_STEPS, t, "ran all " + t + " steps");
        }
    }

    /** Distance from the last point to the nearest known minimum; NaN when the surface has none. */
    double distanceToNearestMinimum() {
        int last = trajectory.size() - 1;
        if (last < 0) {
            return Double.NaN;
        }
        double best = Double.NaN;
        for (Minimum m : surface.minima()) {
            double d = Math.hypot(trajectory.x(last) - m.at().x(), trajectory.y(last) - m.at().y());
            best = Double.isNaN(best) ? d : Math.min(best, d);
        }
        return best;
    }

    /** The optimizer's internal state after the last step (for the internals view and tests). */
    java.util.Map<String, double[]> optimizerState() {
        return stepper.state();
    }
}
