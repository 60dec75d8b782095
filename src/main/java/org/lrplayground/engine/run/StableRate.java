package org.lrplayground.engine.run;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The largest learning rate, found quickly, at which a diverged run of a scene does not diverge:
 * rates a tenth, a hundredth, … of the run's own until one holds (at most {@link #DECADES}), then
 * {@link #HALVINGS} halvings of the log-interval between it and the last that diverged, shown to
 * two significant digits rounded down. At most 6 + 8 + 1 runs of the scene's steps, each run alone
 * with its own random stream, so the answer is what Run would show with that rate.
 *
 * <p>Divergence need not be monotone in the rate; the rate found is checked, not assumed, to hold.
 */
public final class StableRate {

    /** How many decades below the run's rate the search looks. */
    static final int DECADES = 6;
    /** Halvings of the log-interval: the answer is within a factor 10^(1/2^8) ≈ 1.009 of the edge found. */
    static final int HALVINGS = 8;
    private static final MathContext TWO_DIGITS = new MathContext(2, RoundingMode.FLOOR);

    private StableRate() {
    }

    /** What {@link #search} costs at most: a race of the run alone per decade and halving, and the check of the rate found. */
    public static Cost cost(RunSpec spec) {
        return Cost.of(spec, DECADES + HALVINGS + 1, "steps");
    }

    /** The largest rate found at which run {@code run} of {@code spec} does not diverge; empty when none is found. */
    public static OptionalDouble search(RunSpec spec, int run) {
        RunConfig config = spec.runs().get(run);
        double lr = config.optimizer().instance().lr();
        double bad = lr;
        double good = Double.NaN;
        for (int k = 1; k <= DECADES && Double.isNaN(good); k++) {
            double next = lr / Math.pow(10, k);
            if (diverges(spec, config, next)) {
                bad = next;
            } else {
                good = next;
            }
        }
        if (Double.isNaN(good)) {
            return OptionalDouble.empty();
        }
        for (int i = 0; i < HALVINGS; i++) {
            double middle = Math.sqrt(good * bad);
            if (diverges(spec, config, middle)) {
                bad = middle;
            } else {
                good = middle;
            }
        }
        double shown = new BigDecimal(good).round(TWO_DIGITS).doubleValue();
        return OptionalDouble.of(shown > 0 && !diverges(spec, config, shown) ? shown : good);
    }

    private static boolean diverges(RunSpec spec, RunConfig config, double lr) {
        RunConfig at = config.withOptimizerValue("lr", lr);
        return Race.run(spec.withRuns(List.of(at))).status(0).kind() == RunStatus.Kind.DIVERGED;
    }
}
