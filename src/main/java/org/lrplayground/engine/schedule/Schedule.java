package org.lrplayground.engine.schedule;

/**
 * A learning-rate schedule: the multiplier s_t that turns the base lr into η = lr · s_t.
 *
 * <p>As in PyTorch, the update that produces θ_t uses the value at step t − 1, so the first
 * update uses s_0 (1 for most schedules; warm-up, one-cycle and cyclic with base_lr ≠ lr start
 * elsewhere).
 *
 * <p>Schedules never touch optimizer state. Most are pure functions of the step ({@link Pure});
 * the feedback ones (plateau, error-proportional) are pure functions of the loss history, read
 * incrementally by a per-run {@link Tracker}.
 */
public interface Schedule {

    /**
     * A fresh per-run reader of the loss history.
     *
     * @param fStar the surface's minimum value, so that feedback schedules can use f − f*
     */
    Tracker start(double fStar);

    /**
     * The momentum (or β₁) the schedule imposes at step t, or NaN when it leaves it alone.
     * One-cycle cycles momentum against the rate.
     */
    default double momentum(int t) {
        return Double.NaN;
    }

    /** Per-run evaluation: called once per step, in order t = 0, 1, …, with the loss at θ_t. */
    @FunctionalInterface
    interface Tracker {
        double multiplier(int t, double loss);
    }

    /** A schedule that depends on the step alone, so the UI can preview it before a run. */
    interface Pure extends Schedule {

        /** The multiplier s_t at step t ≥ 0. */
        double at(int t);

        @Override
        default Tracker start(double fStar) {
            return (t, loss) -> at(t);
        }
    }
}
