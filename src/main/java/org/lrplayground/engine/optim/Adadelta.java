package org.lrplayground.engine.optim;

import java.util.List;
import org.lrplayground.engine.param.Method;
import org.lrplayground.engine.param.Param;

/**
 * Adadelta (Zeiler 2012, arXiv 1212.5701) in PyTorch's form: the step's size comes from a moving RMS of
 * past steps over a moving RMS of gradients, so the units match and lr can stay at 1.
 *
 * <pre>
 *   g ← g + λθ                                  (weight_decay λ, L2)
 *   v_t = ρ v_{t−1} + (1 − ρ) g²
 *   Δ_t = √(u_{t−1} + ε) / √(v_t + ε) · g
 *   u_t = ρ u_{t−1} + (1 − ρ) Δ_t²
 *   θ_t = θ_{t−1} − η Δ_t
 * </pre>
 * Defaults: lr 1.0, ρ 0.9, ε 1e-6 (inside both roots), λ 0. Effective LR: η_t √(u_{t−1} + ε) / √(v_t + ε).
 */
public record Adadelta(double lr, double rho, double eps, double weightDecay) implements Optimizer {

    static final Param LR = Param.lr(1.0);
    static final Param RHO = Param.real("rho", 0.9, 0, 0.999999, "ρ: decay of both moving averages");
    static final Param EPS = Param.above("eps", 1e-6, 0, 1,
            "ε inside both roots; √ε sets the size of the first steps");

    public static final Method<Optimizer> METHOD = new Method<>("adadelta", "Adadelta",
            "Scales each step by the RMS of past steps over the RMS of gradients: no rate to tune.",
            List.of(LR, RHO, EPS, Common.WEIGHT_DECAY),
            v -> new Adadelta(v.get(LR), v.get(RHO), v.get(EPS), v.get(Common.WEIGHT_DECAY)));

    public Adadelta {
        LR.check(lr);
        RHO.check(rho);
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
        private final Adadelta c;
        private final double[] v;
        private final double[] u;

        State(Adadelta config, int dim) {
            c = config;
            v = new double[dim];
            u = new double[dim];
        }

        @Override
        public void step(StepContext s) {
            for (int i = 0; i < v.length; i++) {
                coordinate(s, i);
            }
        }

        /** {@link #step}'s loop again, so that the JIT compiles it for long arrays (see {@link Stepper#stepMany}). */
        @Override
        public void stepMany(StepContext s) {
            for (int i = 0; i < v.length; i++) {
                coordinate(s, i);
            }
        }

        private void coordinate(StepContext s, int i) {
            double g = s.grad[i] + c.weightDecay * s.theta[i];
            v[i] = c.rho * v[i] + (1 - c.rho) * g * g;
            double scale = Math.sqrt(u[i] + c.eps) / Math.sqrt(v[i] + c.eps);
            double delta = scale * g;
            u[i] = c.rho * u[i] + (1 - c.rho) * delta * delta;
            s.lr[i] = s.eta * scale;
            s.update[i] = s.eta * delta;
        }

        @Override
        public List<Quantity> quantities() {
            return List.of(Quantity.of("v", v), Quantity.of("u", u));
        }
    }
}
