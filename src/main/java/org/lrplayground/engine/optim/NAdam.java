package org.lrplayground.engine.optim;

import java.util.List;
import org.lrplayground.engine.param.Method;
import org.lrplayground.engine.param.Param;

/**
 * NAdam (Dozat 2016, "Incorporating Nesterov Momentum into Adam", ICLR workshop) in PyTorch's form:
 * Adam whose first moment looks one step ahead, with a momentum schedule that warms β₁ up.
 *
 * <pre>
 *   g ← g + λθ                                        (weight_decay λ, L2)
 *   μ_t = β₁ (1 − ½·0.96^{tψ}),  μ_{t+1} = β₁ (1 − ½·0.96^{(t+1)ψ})   (momentum_decay ψ)
 *   m_t = β₁ m_{t−1} + (1 − β₁) g,   v_t = β₂ v_{t−1} + (1 − β₂) g²
 *   m̂ = μ_{t+1} m_t / (1 − Π_{i≤t+1} μ_i) + (1 − μ_t) g / (1 − Π_{i≤t} μ_i)
 *   v̂ = v_t / (1 − β₂ᵗ)
 *   θ_t = θ_{t−1} − η m̂ / (√v̂ + ε)
 * </pre>
 * Defaults: lr 2e-3, β₁ 0.9, β₂ 0.999, ε 1e-8, λ 0, ψ 4e-3. Effective LR: η_t / (√v̂ + ε), the factor
 * applied to m̂, as for Adam.
 */
public record NAdam(double lr, double beta1, double beta2, double eps, double weightDecay, double momentumDecay)
        implements Optimizer {

    static final Param LR = Param.lr(2e-3);
    static final Param EPS = Common.eps(1e-8);
    static final Param MOMENTUM_DECAY = Param.real("momentum_decay", 4e-3, 0, 1,
            "ψ: how fast the momentum schedule μ_t warms up to β₁");

    public static final Method<Optimizer> METHOD = new Method<>("nadam", "NAdam",
            "Adam with Nesterov's look-ahead momentum.",
            List.of(LR, Common.BETA1, Common.BETA2, EPS, Common.WEIGHT_DECAY, MOMENTUM_DECAY),
            v -> new NAdam(v.get(LR), v.get(Common.BETA1), v.get(Common.BETA2), v.get(EPS),
                    v.get(Common.WEIGHT_DECAY), v.get(MOMENTUM_DECAY)));

    public NAdam {
        LR.check(lr);
        Common.BETA1.check(beta1);
        Common.BETA2.check(beta2);
        EPS.check(eps);
        Common.WEIGHT_DECAY.check(weightDecay);
        MOMENTUM_DECAY.check(momentumDecay);
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
        private final NAdam c;
        private final double[] m;
        private final double[] v;
        /** Π_{i≤t} μ_i. */
        private double muProduct = 1;

        // This step's factors, the same for every coordinate: set by begin, read by coordinate.
        private double beta1, gradWeight, momentumWeight, bc2;

        State(NAdam config, int dim) {
            c = config;
            m = new double[dim];
            v = new double[dim];
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
            double mu = beta1 * (1 - 0.5 * Math.pow(0.96, s.t * c.momentumDecay));
            double muNext = beta1 * (1 - 0.5 * Math.pow(0.96, (s.t + 1) * c.momentumDecay));
            muProduct *= mu;
            gradWeight = (1 - mu) / (1 - muProduct);
            momentumWeight = muNext / (1 - muProduct * muNext);
            bc2 = 1 - Math.pow(c.beta2, s.t);
        }

        private void coordinate(StepContext s, int i) {
            double g = s.grad[i] + c.weightDecay * s.theta[i];
            m[i] = beta1 * m[i] + (1 - beta1) * g;
            v[i] = c.beta2 * v[i] + (1 - c.beta2) * g * g;
            double rate = s.eta / (Math.sqrt(v[i] / bc2) + c.eps);
            s.lr[i] = rate;
            s.update[i] = rate * (momentumWeight * m[i] + gradWeight * g);
        }

        @Override
        public List<Quantity> quantities() {
            return List.of(Quantity.of("m", m), Quantity.of("v", v), Quantity.scalar("mu_product", () -> muProduct));
        }
    }
}
