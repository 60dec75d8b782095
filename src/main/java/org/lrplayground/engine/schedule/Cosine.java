package org.lrplayground.engine.schedule;

import org.lrplayground.engine.param.Param;

/**
 * Cosine annealing without restarts (Loshchilov &amp; Hutter, arXiv 1608.03983), closed form:
 * η_t = η_min + ½ (η₀ − η_min)(1 + cos(π t / T_max)), held at η_min after T_max.
 *
 * <p>PyTorch's {@code CosineAnnealingLR} keeps oscillating past T_max; users find that surprising,
 * so the rate stays at η_min instead. Defaults: T_max = the run's steps, η_min = 0.
 *
 * @param tMax   steps to reach η_min ({@code T_max}, default: the run's steps)
 * @param etaMin the floor η_min, absolute as in PyTorch, at most lr
 * @param lr     the base lr η₀, to turn η_min into a multiplier
 */
public record Cosine(int tMax, double etaMin, double lr) implements Schedule.Pure {

    static final Param T_MAX = Param.integer("T_max", 1000, 1, 1_000_000, "steps until the rate reaches eta_min")
            .withDefault(c -> c.steps());

    public Cosine {
        T_MAX.check(tMax);
        Schedules.atMostLr(Schedules.ETA_MIN, etaMin, lr);
    }

    @Override
    public double at(int t) {
        return anneal(1, etaMin / lr, Math.min(1.0, (double) t / tMax));
    }

    /**
     * Half a cosine from {@code from} (fraction 0) to {@code to} (fraction 1), the curve that cosine
     * annealing, warm restarts and one-cycle share (PyTorch's {@code _annealing_cos}).
     */
    static double anneal(double from, double to, double fraction) {
        return to + 0.5 * (from - to) * (1 + Math.cos(Math.PI * fraction));
    }
}
