package org.lrplayground.engine.schedule;

import org.lrplayground.engine.param.Numbers;
import org.lrplayground.engine.param.Param;

/**
 * Cyclical learning rates, triangular policy (Smith, arXiv 1506.01186; PyTorch's {@code CyclicLR}
 * with {@code mode='triangular'}): the rate climbs linearly from base_lr to max_lr over
 * step_size_up steps, falls back over as many, and repeats:
 * η_t = base_lr + (max_lr − base_lr) · (1 − |t / step_size_up − 2c + 1|), c = ⌊1 + t / (2 step_size_up)⌋.
 *
 * <p>Defaults: base_lr = the run's lr and max_lr = 10 × the run's lr (PyTorch requires both; Smith's
 * range test typically finds a span of 3–10×), step_size_up a tenth of the run's steps (Smith suggests
 * 2–10 epochs). Where we differ from PyTorch: the falling half always lasts step_size_up steps (no
 * {@code step_size_down}), only the triangular mode is offered, and momentum does not cycle
 * (PyTorch's {@code cycle_momentum} defaults to on here; use one-cycle to see momentum cycling).
 *
 * @param baseLr     the lowest rate ({@code base_lr}), absolute, below max_lr
 * @param maxLr      the highest rate ({@code max_lr}), absolute
 * @param stepSizeUp steps of each half-cycle ({@code step_size_up})
 * @param lr         the run's base lr, to turn the absolute rates into multipliers
 */
public record Cyclic(double baseLr, double maxLr, int stepSizeUp, double lr) implements Schedule.Pure {

    static final Param BASE_LR = Param.lr("base_lr", 0.01, "the lowest rate (absolute; default: the run's lr)")
            .withDefault(c -> c.lr());
    static final Param MAX_LR = Param.lr("max_lr", 0.1, "the highest rate (absolute; default: 10 × the run's lr)")
            .withDefault(c -> 10 * c.lr());
    static final Param STEP_SIZE_UP = Param.integer("step_size_up", 1, 1, 1_000_000,
            "steps from base_lr up to max_lr, and as many back down (default: a tenth of the run's steps)")
            .withDefault(c -> Math.max(1, c.steps() / 10));

    public Cyclic {
        BASE_LR.check(baseLr);
        MAX_LR.check(maxLr);
        STEP_SIZE_UP.check(stepSizeUp);
        Schedules.checkLr(lr);
        if (baseLr >= maxLr) {
            throw new IllegalArgumentException("base_lr = " + Numbers.format(baseLr) + " must be below max_lr = "
                    + Numbers.format(maxLr)
                    + " (accepted: base_lr < max_lr)");
        }
    }

    @Override
    public double at(int t) {
        double x = (double) (t % (2 * stepSizeUp)) / stepSizeUp;
        double height = x <= 1 ? x : 2 - x;
        return (baseLr + (maxLr - baseLr) * height) / lr;
    }
}
