package org.lrplayground.engine.finder;

/**
 * What an {@link LrFinder} sweep measured: point i is the rate of step i, the loss that step produced
 * and its smoothed value. Only finite values are recorded; the arrays are the caller's own.
 *
 * @param lrs      the swept rates, increasing
 * @param losses   the loss after each step (the full loss, also on mini-batch surfaces)
 * @param smoothed the debiased exponential moving average of {@code losses} (β 0.98)
 * @param stop     why the sweep ended
 * @param reason   the same as a plain sentence for users
 * @param steep    the rate where the smoothed loss falls fastest against log lr (fastai's "steep")
 * @param minimum  the rate of the lowest smoothed loss divided by 10 (fastai's "minimum")
 */
public record LrCurve(double[] lrs, double[] losses, double[] smoothed, Stop stop, String reason, Suggestion steep,
                      Suggestion minimum) {

    /** Why a sweep ended. */
    public enum Stop {
        /** Every rate up to {@code end_lr} was tried. */
        SWEPT("swept"),
        /** The smoothed loss exceeded 4× its best (both measured above f*). */
        DIVERGED("diverged"),
        /** The position, loss, gradient or update stopped being a finite number. */
        NON_FINITE("non-finite"),
        /** Left the box of a surface unbounded below, where the loss falls forever. */
        LEFT_BOX("left-box");

        private final String id;

        Stop(String id) {
            this.id = id;
        }

        /** The name in the API, e.g. {@code non-finite}. */
        public String id() {
            return id;
        }
    }

    /** Number of recorded points. */
    public int size() {
        return lrs.length;
    }
}
