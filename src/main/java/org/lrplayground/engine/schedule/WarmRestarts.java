package org.lrplayground.engine.schedule;

import org.lrplayground.engine.param.Param;

/**
 * Cosine annealing with warm restarts, SGDR (Loshchilov &amp; Hutter, arXiv 1608.03983; PyTorch's
 * {@code CosineAnnealingWarmRestarts}): within cycle i of length T_i,
 * η_t = η_min + ½ (η₀ − η_min)(1 + cos(π T_cur / T_i)), where T_cur counts the steps since the last
 * restart; at each restart the rate jumps back to η₀ and T_{i+1} = T_mult · T_i. With T_0 = 10 and
 * T_mult = 2 the restarts fall on steps 10, 30, 70, …
 *
 * <p>Defaults: T_mult = 1 and η_min = 0 as in PyTorch; T_0, which PyTorch requires, is a fifth of
 * the run's steps so that a run shows several restarts.
 *
 * @param t0     length of the first cycle ({@code T_0})
 * @param tMult  growth factor of the cycle length ({@code T_mult}, a whole number ≥ 1 as in PyTorch)
 * @param etaMin the floor η_min, absolute as in PyTorch, at most lr
 * @param lr     the base lr η₀, to turn η_min into a multiplier
 */
public record WarmRestarts(int t0, int tMult, double etaMin, double lr) implements Schedule.Pure {

    static final Param T_0 = Param.integer("T_0", 1, 1, 1_000_000,
            "steps in the first cycle (default: a fifth of the run's steps)")
            .withDefault(c -> Math.max(1, c.steps() / 5));
    static final Param T_MULT = Param.integer("T_mult", 1, 1, 10,
            "each cycle is T_mult times as long as the one before");

    public WarmRestarts {
        T_0.check(t0);
        T_MULT.check(tMult);
        Schedules.atMostLr(Schedules.ETA_MIN, etaMin, lr);
    }

    @Override
    public double at(int t) {
        long start;
        long length = t0;
        if (tMult == 1) {
            start = t - t % t0;
        } else {
            // Cycle lengths grow geometrically, so this walks only O(log t) cycles.
            start = 0;
            while (t >= start + length) {
                start += length;
                length *= tMult;
            }
        }
        return Cosine.anneal(1, etaMin / lr, (double) (t - start) / length);
    }
}
