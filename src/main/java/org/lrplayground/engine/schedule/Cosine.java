package org.lrplayground.engine.schedule;

/**
 * Cosine annealing without restarts (Loshchilov &amp; Hutter, arXiv 1608.03983), closed form:
 * η_t = η_min + ½ (η₀ − η_min)(1 + cos(π t / T_max)), held at η_min after T_max.
 *
 * <p>PyTorch's {@code CosineAnnealingLR} keeps oscillating past T_max; users find that surprising,
 * so the rate stays at η_min instead.
 *
 * @param tMax   steps to reach η_min ({@code T_max}, default: the run's steps)
 * @param etaMin the floor η_min, absolute as in PyTorch
 * @param lr     the base lr η₀, to turn η_min into a multiplier
 */
public record Cosine(int tMax, double etaMin, double lr) implements Schedule.Pure {

    public Cosine {
        Schedules.T_MAX.check(tMax);
        Schedules.ETA_MIN.check(etaMin);
        if (etaMin > lr) {
            throw new IllegalArgumentException("eta_min = " + etaMin + " must not exceed lr = " + lr);
        }
    }

    @Override
    public double at(int t) {
        double floor = etaMin / lr;
        if (t >= tMax) {
            return floor;
        }
        return floor + 0.5 * (1 - floor) * (1 + Math.cos(Math.PI * t / tMax));
    }
}
