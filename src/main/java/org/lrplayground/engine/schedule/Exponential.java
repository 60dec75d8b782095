package org.lrplayground.engine.schedule;

import org.lrplayground.engine.param.Param;

/**
 * Exponential decay (PyTorch's {@code ExponentialLR}): η_t = η₀ γᵗ.
 *
 * <p>Default γ = 0.99 (PyTorch requires it): the rate halves about every 69 steps.
 *
 * @param gamma the factor applied every step, 0 &lt; γ ≤ 1
 */
public record Exponential(double gamma) implements Schedule.Pure {

    static final Param GAMMA = Param.above("gamma", 0.99, 0, 1, "the rate is multiplied by gamma every step");

    public Exponential {
        GAMMA.check(gamma);
    }

    @Override
    public double at(int t) {
        return Math.pow(gamma, t);
    }
}
