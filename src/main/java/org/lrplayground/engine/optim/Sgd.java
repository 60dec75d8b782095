package org.lrplayground.engine.optim;

import java.util.List;
import org.lrplayground.engine.param.Method;
import org.lrplayground.engine.param.Param;

/**
 * Plain stochastic gradient descent: θ_t = θ_{t−1} − η_t g_t.
 *
 * <p>PyTorch has no default lr; the playground uses 0.01. Effective LR: η_t for every coordinate.
 *
 * @param lr base learning rate η₀ &gt; 0
 */
public record Sgd(double lr) implements Optimizer {

    static final Param LR = Param.lr(0.01);

    public static final Method<Optimizer> METHOD = new Method<>("sgd", "SGD",
            "Steps against the gradient at a fixed rate.", List.of(LR), v -> new Sgd(v.get(LR)));

    public Sgd {
        LR.check(lr);
    }

    /** Every coordinate's update reads only its own θ, g and state. */
    @Override
    public boolean coordinatewise() {
        return true;
    }

    @Override
    public Stepper start(int dim) {
        return new Stepper() {
            @Override
            public void step(StepContext c) {
                for (int i = 0; i < c.grad.length; i++) {
                    coordinate(c, i);
                }
            }

            /** {@link #step}'s loop again, so that the JIT compiles it for long arrays (see {@link Stepper#stepMany}). */
            @Override
            public void stepMany(StepContext c) {
                for (int i = 0; i < c.grad.length; i++) {
                    coordinate(c, i);
                }
            }

            private void coordinate(StepContext c, int i) {
                c.update[i] = c.eta * c.grad[i];
                c.lr[i] = c.eta;
            }

            @Override
            public List<Quantity> quantities() {
                return List.of();
            }
        };
    }
}
