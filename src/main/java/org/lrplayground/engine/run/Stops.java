package org.lrplayground.engine.run;

import org.lrplayground.engine.param.Numbers;
import org.lrplayground.engine.surface.Box;

/**
 * How the runs of a spec end, decided in one place for every runner: a {@link Lane} (one run at a
 * time) and a {@link Batch}'s structure-of-arrays blocks both ask it after every step, so that a
 * start ends at the same step for the same reason whichever runs it.
 */
final class Stops {

    /** A run whose gradient norm falls below this has converged. */
    static final double CONVERGED_GRADIENT = 1e-8;
    /** θ farther than this many box sizes from the box centre counts as diverged. */
    static final double DIVERGENCE_BOXES = 1e6;

    private final Box box;
    // Read every step, so fetched once (unboundedBelow() may build the minima list each call).
    private final int steps;
    private final boolean unboundedBelow;
    private final double centerX, centerY, limit;

    Stops(RunSpec spec) {
        box = spec.box();
        steps = spec.steps();
        unboundedBelow = spec.surface().unboundedBelow();
        centerX = (box.xMin() + box.xMax()) / 2;
        centerY = (box.yMin() + box.yMax()) / 2;
        limit = DIVERGENCE_BOXES * Math.max(box.width(), box.height());
    }

    /**
     * The diverged status when step t produced something unusable: θ_t = (x, y), its loss, its
     * gradient, or the effective rates of the update (not checked at t = 0, the start, which has
     * none); null when all of them can be used.
     */
    RunStatus diverged(int t, double x, double y, double loss, double gx, double gy, double lrX, double lrY) {
        String why = null;
        boolean undefined = false;
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            why = "the position became infinite or undefined";
        } else if (Math.abs(x - centerX) > limit || Math.abs(y - centerY) > limit) {
            why = "the position went more than a million box sizes away";
        } else if (Double.isNaN(loss) || Double.isNaN(gx) || Double.isNaN(gy)) {
            // A finite point where f is undefined (a custom log(x) at x < 0): a domain problem, not a rate problem.
            why = "the surface is undefined at (" + Numbers.format(x) + ", " + Numbers.format(y) + ")";
            undefined = true;
        } else if (!Double.isFinite(loss)) {
            why = "the loss overflowed";
        } else if (!Double.isFinite(gx) || !Double.isFinite(gy)) {
            why = "the gradient overflowed";
        } else if (t > 0 && (!Double.isFinite(lrX) || !Double.isFinite(lrY))) {
            why = "the learning rate became infinite or undefined";
        }
        if (why == null) {
            return null;
        }
        RunStatus.Cause cause = t == 0
                ? (undefined ? RunStatus.Cause.UNDEFINED_AT_START : RunStatus.Cause.UNUSABLE_START)
                : (undefined ? RunStatus.Cause.UNDEFINED_POINT : RunStatus.Cause.RATE_TOO_LARGE);
        return new RunStatus(RunStatus.Kind.DIVERGED, t, cause, "diverged at step " + t + ": " + why + ". " + cause.hint());
    }

    /**
     * How a run ended once θ_t = (x, y) with gradient (gx, gy) is recorded: converged (unless
     * {@code watched}: a watched run ends when its watcher says), left the box of a surface without
     * a minimum, or ran all its steps; null while it goes on.
     */
    RunStatus ended(int t, double x, double y, double gx, double gy, boolean watched) {
        if (!watched && converged(gx, gy)) {
            return new RunStatus(RunStatus.Kind.CONVERGED, t, RunStatus.Cause.NONE, "converged at step " + t);
        } else if (unboundedBelow && !box.contains(x, y)) {
            return leftBox(t);
        } else if (t >= steps) {
            return new RunStatus(RunStatus.Kind.MAX_STEPS, t, RunStatus.Cause.NONE, "ran all " + t + " steps");
        }
        return null;
    }

    /**
     * A cheap filter for a batch's loop over its runs, without branches on the common path: false
     * guarantees that {@link #diverged} gives null and {@link #ended} ends the run only by its
     * step count, so most runs skip the exact tests. NaN fails every comparison and an overflowing
     * sum is a false alarm that the exact tests clear.
     */
    boolean mayEnd(double x, double y, double loss, double gx, double gy, double lrX, double lrY) {
        boolean fine = Math.abs(x - centerX) <= limit & Math.abs(y - centerY) <= limit
                & Math.abs(loss) + Math.abs(gx) + Math.abs(gy) + Math.abs(lrX) + Math.abs(lrY) <= Double.MAX_VALUE
                & (Math.abs(gx) >= CONVERGED_GRADIENT | Math.abs(gy) >= CONVERGED_GRADIENT)
                & (!unboundedBelow | box.contains(x, y));
        return !fine;
    }

    /**
     * Left the box of a surface without a minimum in it. Not "the loss falls forever": a saddle's
     * does outside, but 1/x's is unbounded only at its pole inside the box and tends to 0 outside.
     */
    private static RunStatus leftBox(int t) {
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
}
