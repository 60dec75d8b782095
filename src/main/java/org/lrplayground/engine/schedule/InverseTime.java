package org.lrplayground.engine.schedule;

import org.lrplayground.engine.param.Param;

/**
 * Inverse-time decay: η_t = η₀ / (1 + decay · t), the classic 1/t rate of stochastic approximation
 * (Robbins &amp; Monro 1951) and the form of Adagrad's {@code lr_decay}. PyTorch has no such scheduler;
 * Keras calls it {@code InverseTimeDecay}. Default decay 0.01: half the rate after 100 steps.
 *
 * @param decay how fast the rate falls, ≥ 0
 */
public record InverseTime(double decay) implements Schedule.Pure {

    static final Param DECAY = Param.real("decay", 0.01, 0, 100, "the rate is lr / (1 + decay · t)");

    public InverseTime {
        DECAY.check(decay);
    }

    @Override
    public double at(int t) {
        return 1 / (1 + decay * t);
    }
}
