package org.lrplayground.engine.run;

import org.lrplayground.engine.optim.Optimizer;
import org.lrplayground.engine.schedule.Schedule;
import org.lrplayground.engine.surface.Point;

/**
 * One run driven by an analysis that watches every point (the lr finder): it steps through the
 * same inner loop as a race, with the same random stream, the same checks for an unusable step and
 * for leaving the box of a surface unbounded below, but at rates the analysis chooses and without
 * stopping at convergence: the watcher decides when it has seen enough.
 */
public final class WatchedRun {

    private WatchedRun() {
    }

    /** Sees each point the run records after its first update. */
    @FunctionalInterface
    public interface Watcher {

        /**
         * @param t    the step, from 1
         * @param eta  the rate η_t of the update that produced θ_t
         * @param loss f(θ_t)
         * @return whether the run ends here ({@link RunStatus.Kind#STOPPED})
         */
        boolean stop(int t, double eta, double loss);
    }

    /**
     * Runs {@code optimizer} (its own lr ignored) from {@code start} on {@code spec}'s surface, box,
     * noise, seed and mini-batch size for at most {@code steps} updates, update t at rate
     * η_t = {@code rates.at(t − 1)}; the spec's runs and steps play no part.
     *
     * @param fStar f* as the optimizer should see it (Eve, Polyak)
     * @return how the run ended: {@code stopped} by the watcher, {@code diverged} (at step 0 when the
     *         start itself is unusable), {@code left-box} or {@code max-steps}
     */
    public static RunStatus run(RunSpec spec, Point start, Optimizer optimizer, Schedule.Pure rates, int steps,
                                double fStar, Watcher watcher) {
        RunSpec sweep = new RunSpec(spec.surface(), spec.surfaceValues(), spec.box(), start, steps, spec.noise(),
                spec.seed(), spec.batch(), spec.runs());
        // A base lr of 1 makes η_t exactly the rate asked for.
        Lane lane = new Lane(sweep, start, optimizer, 1, rates, fStar, false, false, watcher);
        lane.advance(Integer.MAX_VALUE);
        return lane.status();
    }
}
