package org.lrplayground.engine.optim;

import java.util.List;
import org.lrplayground.engine.param.Method;
import org.lrplayground.engine.param.Param;

/**
 * AdaMax (Kingma &amp; Ba 2014, arXiv 1412.6980, section 7.1) in PyTorch's form: Adam with the second
 * moment replaced by an exponentially decaying maximum of |g|.
 *
 * <pre>
 *   g ← g + λθ                                  (weight_decay λ, L2)
 *   m_t = β₁ m_{t−1} + (1 − β₁) g
 *   u_t = max(β₂ u_{t−1}, |g| + ε)
 *   θ_t = θ_{t−1} − η m_t / ((1 − β₁ᵗ) u_t)
 * </pre>
 * Defaults: lr 2e-3, β₁ 0.9, β₂ 0.999, ε 1e-8, λ 0. Effective LR: η_t / ((1 − β₁ᵗ) u_t), the factor
 * applied to m_t.
 */
public record Adamax(double lr, double beta1, double beta2, double eps, double weightDecay) implements Optimizer {

    static final Param LR = Param.lr(2e-3);
    static final Param EPS = Common.eps(1e-8);

    public static final Method<Optimizer> METHOD = new Method<>("adamax", "AdaMax",
            "Adam with the root-mean-square replaced by a decaying maximum of |g|.",
            List.of(LR, Common.BETA1, Common.BETA2, EPS, Common.WEIGHT_DECAY),
            v -> new Adamax(v.get(LR), v.get(Common.BETA1), v.get(Common.BETA2), v.get(EPS),
                    v.get(Common.WEIGHT_DECAY)));

    public Adamax {
        LR.check(lr);
        Common.BETA1.check(beta1);
        Common.BETA2.check(beta2);
        EPS.check(eps);
        Common.WEIGHT_DECAY.check(weightDecay);
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
        private final Adamax c;
        private final double[] m;
        private final double[] u;

        // This step's factors, the same for every coordinate: set by begin, read by coordinate.
        private double beta1, bc1;

        State(Adamax config, int dim) {
            c = config;
            m = new double[dim];
            u = new double[dim];
        }

        @Override
        public void step(StepContext s) {
            begin(s);
            for (int i = 0; i < m.length; i++) {
                coordinate(s, i);
            }
        }

        /** {@link #step}'s loop again, so that the JIT compiles it for long arrays (see {@link Stepper#stepMany}). */
        @Override
        public void stepMany(StepContext s) {
            begin(s);
            for (int i = 0; i < m.length; i++) {
                coordinate(s, i);
            }
        }

        /** The factors of step s.t that every coordinate shares. */
        private void begin(StepContext s) {
            beta1 = s.momentumOr(c.beta1);
            bc1 = 1 - Math.pow(beta1, s.t);
        }

        private void coordinate(StepContext s, int i) {
            double g = s.grad[i] + c.weightDecay * s.theta[i];
            m[i] = beta1 * m[i] + (1 - beta1) * g;
            u[i] = Math.max(c.beta2 * u[i], Math.abs(g) + c.eps);
            double rate = s.eta / (bc1 * u[i]);
            s.lr[i] = rate;
            s.update[i] = rate * m[i];
        }

        @Override
        public List<Quantity> quantities() {
            return List.of(Quantity.of("m", m), Quantity.of("u", u));
        }
    }
}
