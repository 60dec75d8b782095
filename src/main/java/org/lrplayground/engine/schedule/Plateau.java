package org.lrplayground.engine.schedule;

import org.lrplayground.engine.param.Param;

/**
 * Reduce on plateau (PyTorch's {@code ReduceLROnPlateau}, mode 'min', threshold_mode 'rel',
 * cooldown 0): a feedback schedule. Each step it reads the loss; a loss counts as an improvement
 * when it is below best · (1 − threshold). After more than {@code patience} steps in a row without
 * improvement the rate is multiplied by {@code factor} (never below min_lr) and the count starts
 * again. With patience 10 the first cut comes on the 11th step without improvement.
 *
 * <p>Defaults are PyTorch's: factor 0.1, patience 10, threshold 1e-4, min_lr 0. Where we differ:
 * the loss it compares is f − f* rather than f, so that "relative improvement" means a share of
 * the remaining gap even on surfaces whose minimum is negative (PyTorch's relative test misfires
 * on negative losses); no cooldown, no 'max' or 'abs' modes. The loss of a step is read before the
 * rate of the update from that point is given, as when PyTorch's {@code step(loss)} follows each
 * epoch.
 *
 * @param factor    the cut applied after a plateau, 0 &lt; factor ≤ 1
 * @param patience  steps without improvement that are tolerated
 * @param threshold the relative improvement that counts
 * @param minLr     the floor ({@code min_lr}), absolute, at most lr
 * @param lr        the run's base lr, to turn min_lr into a multiplier
 */
public record Plateau(double factor, int patience, double threshold, double minLr, double lr) implements Schedule {

    static final Param FACTOR = Param.above("factor", 0.1, 0, 1, "the rate is multiplied by factor after a plateau");
    static final Param PATIENCE = Param.integer("patience", 10, 0, 1_000_000,
            "steps without improvement tolerated before the rate is cut");
    static final Param THRESHOLD = Param.real("threshold", 1e-4, 0, 1,
            "an improvement must lower the loss (above f*) by at least this share");
    static final Param MIN_LR = Param.real("min_lr", 0, 0, 100,
            "the rate is never cut below this (absolute, at most lr)");

    public Plateau {
        FACTOR.check(factor);
        PATIENCE.check(patience);
        THRESHOLD.check(threshold);
        Schedules.atMostLr(MIN_LR, minLr, lr);
    }

    @Override
    public Tracker start(double fStar) {
        double floor = minLr / lr;
        return new Tracker() {
            private double best = Double.POSITIVE_INFINITY;
            private int bad;
            private double multiplier = 1;

            @Override
            public double multiplier(int t, double loss) {
                double gap = loss - fStar;
                if (gap < best * (1 - threshold)) {
                    best = gap;
                    bad = 0;
                } else if (++bad > patience) {
                    multiplier = Math.max(multiplier * factor, floor);
                    bad = 0;
                }
                return multiplier;
            }
        };
    }
}
