package org.lrplayground.engine.optim;

import java.util.List;
import org.lrplayground.engine.param.Method;
import org.lrplayground.engine.param.Param;

/**
 * Momentum as an exponentially weighted moving average of the gradients, the form of the fast.ai
 * spreadsheet and the course documents ("0.9 × previous + 0.1 × current").
 *
 * <pre>
 *   s_t = β s_{t−1} + (1 − β) g_t,   s₀ = 0
 *   θ_t = θ_{t−1} − η s_t
 * </pre>
 * Defaults: lr 0.01, β ({@code momentum}) 0.9. Unlike PyTorch's heavy ball ({@link Momentum}) the average
 * has no 1/(1 − β) gain and starts from zero, so the same lr gives a very different trajectory.
 * Effective LR: η_t. Reference: J. Howard, fast.ai "graddesc" spreadsheet (2017).
 */
public record EwmaMomentum(double lr, double momentum) implements Optimizer {

    static final Param LR = Param.lr(0.01);
    static final Param MOMENTUM = Param.real("momentum", 0.9, 0, 0.9999,
            "β: weight of the previous average; the current gradient gets 1 − β");

    public static final Method<Optimizer> METHOD = new Method<>("ewma-momentum", "Momentum (moving average)",
            "Steps along a moving average of the gradients: smoother than SGD, about as fast.",
            List.of(LR, MOMENTUM), v -> new EwmaMomentum(v.get(LR), v.get(MOMENTUM)));

    public EwmaMomentum {
        LR.check(lr);
        MOMENTUM.check(momentum);
    }

    /** Every coordinate's update reads only its own θ, g and state. */
    @Override
    public boolean coordinatewise() {
        return true;
    }

    @Override
    public Stepper start(int dim) {
        return new State(this, dim);
    }

    private static final class State implements Stepper {
        private final EwmaMomentum c;
        private final double[] avg;

        // This step's factors, the same for every coordinate: set by begin, read by coordinate.
        private double beta;

        State(EwmaMomentum config, int dim) {
            c = config;
            avg = new double[dim];
        }

        @Override
        public void step(StepContext s) {
            begin(s);
            for (int i = 0; i < avg.length; i++) {
                coordinate(s, i);
            }
        }

        /** {@link #step}'s loop again, so that the JIT compiles it for long arrays (see {@link Stepper#stepMany}). */
        @Override
        public void stepMany(StepContext s) {
            begin(s);
            for (int i = 0; i < avg.length; i++) {
                coordinate(s, i);
            }
        }

        /** The factors of step s.t that every coordinate shares. */
        private void begin(StepContext s) {
            beta = s.momentumOr(c.momentum);
        }

        private void coordinate(StepContext s, int i) {
            avg[i] = beta * avg[i] + (1 - beta) * s.grad[i];
            s.update[i] = s.eta * avg[i];
            s.lr[i] = s.eta;
        }

        @Override
        public List<Quantity> quantities() {
            return List.of(Quantity.of("s", avg));
        }
    }
}
