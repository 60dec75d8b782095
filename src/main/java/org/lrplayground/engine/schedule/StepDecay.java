package org.lrplayground.engine.schedule;

import org.lrplayground.engine.param.Param;

/**
 * Step decay (PyTorch's {@code StepLR}): η_t = η₀ γ^⌊t / step_size⌋, the rate drops by the factor γ
 * every step_size steps.
 *
 * <p>Defaults: γ = 0.1 as in PyTorch; step_size, which PyTorch requires, is a third of the run's
 * steps so that the drops show within the run.
 *
 * @param stepSize steps between two drops ({@code step_size})
 * @param gamma    the factor of each drop, 0 &lt; γ ≤ 1
 */
public record StepDecay(int stepSize, double gamma) implements Schedule.Pure {

    static final Param STEP_SIZE = Param.integer("step_size", 1, 1, 1_000_000,
            "steps between two drops (default: a third of the run's steps)")
            .withDefault(c -> Math.max(1, c.steps() / 3));
    static final Param GAMMA = Param.above("gamma", 0.1, 0, 1, "the rate is multiplied by gamma at each drop");

    public StepDecay {
        STEP_SIZE.check(stepSize);
        GAMMA.check(gamma);
    }

    @Override
    public double at(int t) {
        return Math.pow(gamma, t / stepSize);
    }
}
