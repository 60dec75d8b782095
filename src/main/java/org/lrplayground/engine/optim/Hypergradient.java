package org.lrplayground.engine.optim;

import java.util.List;
import org.lrplayground.engine.param.Method;
import org.lrplayground.engine.param.Param;

/**
 * SGD with hypergradient descent, SGD-HD (Baydin et al. 2018, "Online Learning Rate Adaptation with
 * Hypergradient Descent", ICLR, arXiv 1703.04782): the rate α follows the derivative of the loss with
 * respect to itself, growing while successive gradients agree and shrinking while they oppose.
 *
 * <pre>
 *   α_t = α_{t−1} + β_h g_t · u_{t−1},   α₀ = lr,  u₀ = 0
 *   θ_t = θ_{t−1} − α_t s_t g_t,   u_t = s_t g_t    (s_t = η_t / lr, the schedule's multiplier)
 * </pre>
 * With a constant schedule u_t = g_t and this is the paper's Algorithm; u carries the multiplier because
 * it is −∂θ_t/∂α. Defaults: lr 0.01, β_h ({@code hyper_lr}) 1e-4; β_h scales with the inverse square of
 * the surface's gradients. Effective LR: α_t s_t, the same for every coordinate.
 */
public record Hypergradient(double lr, double hyperLr) implements Optimizer {

    static final Param LR = Param.lr("lr", 0.01, "initial rate α₀; from there it learns itself");
    static final Param HYPER_LR = Param.lr("hyper_lr", 1e-4, "β_h: the learning rate of the learning rate");

    public static final Method<Optimizer> METHOD = new Method<>("hypergradient", "SGD-HD (hypergradient)",
            "SGD whose rate learns itself: it grows while successive gradients agree.",
            List.of(LR, HYPER_LR), v -> new Hypergradient(v.get(LR), v.get(HYPER_LR)));

    public Hypergradient {
        LR.check(lr);
        HYPER_LR.check(hyperLr);
    }

    @Override
    public Stepper start(int dim) {
        return new State(this, dim);
    }

    private static final class State implements Stepper {
        private final Hypergradient c;
        private final double[] u;
        private double alpha;

        State(Hypergradient config, int dim) {
            c = config;
            u = new double[dim];
            alpha = config.lr;
        }

        @Override
        public void step(StepContext s) {
            double agreement = 0;
            for (int i = 0; i < u.length; i++) {
                agreement += s.grad[i] * u[i];
            }
            alpha += c.hyperLr * agreement;
            double multiplier = s.eta / c.lr;
            double rate = alpha * multiplier;
            for (int i = 0; i < u.length; i++) {
                s.update[i] = rate * s.grad[i];
                s.lr[i] = rate;
                u[i] = multiplier * s.grad[i];
            }
        }

        @Override
        public List<Quantity> quantities() {
            return List.of(Quantity.scalar("alpha", () -> alpha), Quantity.of("u", u));
        }
    }
}
