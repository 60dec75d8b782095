package org.lrplayground.engine.optim;

import java.util.List;
import org.lrplayground.engine.param.Method;
import org.lrplayground.engine.param.Param;

/**
 * RMSProp (Hinton, Coursera lecture 6e, 2012; centered variant: Graves 2013, arXiv 1308.0850) in
 * PyTorch's form: the rate per coordinate is divided by a moving root-mean-square of its gradients.
 *
 * <pre>
 *   g ← g + λθ                                  (weight_decay λ, L2)
 *   v_t = α v_{t−1} + (1 − α) g²,   v₀ = 0
 *   centered: ḡ_t = α ḡ_{t−1} + (1 − α) g,  ṽ = v_t − ḡ_t²;   else ṽ = v_t
 *   B_t = μ B_{t−1} + g / (√ṽ + ε)                (momentum μ; with μ = 0 simply B_t = g / (√ṽ + ε))
 *   θ_t = θ_{t−1} − η B_t
 * </pre>
 * Defaults: lr 0.01, α 0.99, ε 1e-8, λ 0, μ 0, centered off. ε sits outside the root, as in PyTorch
 * (TensorFlow puts it inside). Effective LR: η_t / (√ṽ + ε), which grows again once large gradients
 * have passed.
 */
public record RmsProp(double lr, double alpha, double eps, double weightDecay, double momentum, boolean centered)
        implements Optimizer {

    static final Param LR = Param.lr(0.01);
    static final Param ALPHA = Param.real("alpha", 0.99, 0, 0.999999, "α: decay of the mean of squared gradients");
    static final Param EPS = Common.eps(1e-8);
    static final Param MOMENTUM = Param.real("momentum", 0, 0, 0.9999, "μ: heavy-ball momentum on the scaled step");
    static final Param CENTERED = Param.bool("centered", false,
            "divide by the gradients' variance instead of their mean square");

    public static final Method<Optimizer> METHOD = new Method<>("rmsprop", "RMSProp",
            "Divides each parameter's rate by a moving root-mean-square of its gradients.",
            List.of(LR, ALPHA, EPS, Common.WEIGHT_DECAY, MOMENTUM, CENTERED),
            v -> new RmsProp(v.get(LR), v.get(ALPHA), v.get(EPS), v.get(Common.WEIGHT_DECAY), v.get(MOMENTUM),
                    v.getBool(CENTERED)));

    public RmsProp {
        LR.check(lr);
        ALPHA.check(alpha);
        EPS.check(eps);
        Common.WEIGHT_DECAY.check(weightDecay);
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
        private final RmsProp c;
        private final double[] v;
        private final double[] gAvg;
        private final double[] b;

        // This step's factors, the same for every coordinate: set by begin, read by coordinate.
        private double mu;

        State(RmsProp config, int dim) {
            c = config;
            v = new double[dim];
            gAvg = new double[dim];
            b = new double[dim];
        }

        @Override
        public void step(StepContext s) {
            begin(s);
            for (int i = 0; i < v.length; i++) {
                coordinate(s, i);
            }
        }

        /** {@link #step}'s loop again, so that the JIT compiles it for long arrays (see {@link Stepper#stepMany}). */
        @Override
        public void stepMany(StepContext s) {
            begin(s);
            for (int i = 0; i < v.length; i++) {
                coordinate(s, i);
            }
        }

        /** The factors of step s.t that every coordinate shares. */
        private void begin(StepContext s) {
            mu = s.momentumOr(c.momentum);
        }

        private void coordinate(StepContext s, int i) {
            double g = s.grad[i] + c.weightDecay * s.theta[i];
            v[i] = c.alpha * v[i] + (1 - c.alpha) * g * g;
            gAvg[i] = c.alpha * gAvg[i] + (1 - c.alpha) * g;
            // v − ḡ² ≥ 0 in exact arithmetic; rounding can dip below once the gradient stops changing.
            double variance = c.centered ? Math.max(0, v[i] - gAvg[i] * gAvg[i]) : v[i];
            double scale = 1 / (Math.sqrt(variance) + c.eps);
            b[i] = mu * b[i] + g * scale;
            s.lr[i] = s.eta * scale;
            s.update[i] = s.eta * b[i];
        }

        @Override
        public List<Quantity> quantities() {
            return c.centered ? List.of(Quantity.of("v", v), Quantity.of("g_avg", gAvg), Quantity.of("B", b))
                    : List.of(Quantity.of("v", v), Quantity.of("B", b));
        }
    }
}
