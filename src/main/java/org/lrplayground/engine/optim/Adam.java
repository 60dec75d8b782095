package org.lrplayground.engine.optim;

import java.util.List;
import org.lrplayground.engine.param.Method;
import org.lrplayground.engine.param.Param;

/**
 * Adam (Kingma &amp; Ba 2014, arXiv 1412.6980) in PyTorch's form, with its AMSGrad variant (Reddi, Kale &amp;
 * Kumar 2018) and AdamW's decoupled weight decay (Loshchilov &amp; Hutter, arXiv 1711.05101): three methods,
 * one record, because they differ in two switches only.
 *
 * <pre>
 *   adamw: u_decay = η λ θ                          (decoupled: shrink θ, the gradient stays untouched)
 *   else:  g ← g + λθ                               (weight_decay λ as L2, before the moments)
 *   m_t = β₁ m_{t−1} + (1 − β₁) g
 *   v_t = β₂ v_{t−1} + (1 − β₂) g²
 *   m̂ = m_t / (1 − β₁ᵗ),  v̂ = v_t / (1 − β₂ᵗ)      (bias_correction; else m̂ = m_t, v̂ = v_t)
 *   amsgrad: v_max = max(v_max, v_t), v̂ = v_max / (1 − β₂ᵗ)   (max over the raw second moment)
 *   θ_t = θ_{t−1} − η m̂ / (√v̂ + ε) − u_decay
 * </pre>
 * Defaults (PyTorch): lr 1e-3, β₁ 0.9, β₂ 0.999, ε 1e-8, weight_decay 0 (AdamW: 0.01), amsgrad off
 * (the {@code amsgrad} method: on). Effective LR: η_t / (√v̂ + ε), the factor applied to m̂.
 * The paper's AMSGrad has no bias correction and some libraries take the maximum of v̂ instead of v;
 * both differ from this in the early steps.
 *
 * @param decoupled AdamW's decay θ ← θ − ηλθ instead of Adam's L2 term in the gradient
 */
public record Adam(double lr, double beta1, double beta2, double eps, double weightDecay, boolean decoupled,
                   boolean amsgrad, boolean biasCorrection) implements Optimizer {

    static final Param LR = Param.lr(1e-3);
    static final Param EPS = Common.eps(1e-8);
    static final Param DECOUPLED_WEIGHT_DECAY = Param.real("weight_decay", 0.01, 0, 10,
            "decoupled decay λ: θ shrinks by ηλθ each step, apart from the gradient");
    static final Param AMSGRAD = Param.bool("amsgrad", false, "use the running maximum of the second moment");
    static final Param BIAS_CORRECTION = Param.bool("bias_correction", true,
            "divide the moments by 1 − βᵗ to undo their bias towards the zero start");

    public static final Method<Optimizer> METHOD = new Method<>("adam", "Adam",
            "Momentum plus RMSProp's per-parameter scaling, with bias correction.",
            List.of(LR, Common.BETA1, Common.BETA2, EPS, Common.WEIGHT_DECAY, AMSGRAD, BIAS_CORRECTION),
            v -> new Adam(v.get(LR), v.get(Common.BETA1), v.get(Common.BETA2), v.get(EPS),
                    v.get(Common.WEIGHT_DECAY), false, v.getBool(AMSGRAD), v.getBool(BIAS_CORRECTION)));

    private static final Param AMSGRAD_ON = AMSGRAD.withDefault(c -> 1);

    /** Adam that never lets the second moment shrink, so the rate per coordinate cannot grow back. */
    public static final Method<Optimizer> AMSGRAD_METHOD = new Method<>("amsgrad", "AMSGrad",
            "Adam whose per-parameter rates can only shrink: it keeps the largest second moment seen.",
            List.of(LR, Common.BETA1, Common.BETA2, EPS, Common.WEIGHT_DECAY, AMSGRAD_ON, BIAS_CORRECTION),
            v -> new Adam(v.get(LR), v.get(Common.BETA1), v.get(Common.BETA2), v.get(EPS),
                    v.get(Common.WEIGHT_DECAY), false, v.getBool(AMSGRAD_ON), v.getBool(BIAS_CORRECTION)));

    /** Adam with weight decay applied to θ directly rather than added to the gradient (AdamW). */
    public static final Method<Optimizer> ADAMW_METHOD = new Method<>("adamw", "AdamW",
            "Adam with weight decay that shrinks the parameters directly instead of entering the moments.",
            List.of(LR, Common.BETA1, Common.BETA2, EPS, DECOUPLED_WEIGHT_DECAY, AMSGRAD, BIAS_CORRECTION),
            v -> new Adam(v.get(LR), v.get(Common.BETA1), v.get(Common.BETA2), v.get(EPS),
                    v.get(DECOUPLED_WEIGHT_DECAY), true, v.getBool(AMSGRAD), v.getBool(BIAS_CORRECTION)));

    public Adam {
        LR.check(lr);
        Common.BETA1.check(beta1);
        Common.BETA2.check(beta2);
        EPS.check(eps);
        (decoupled ? DECOUPLED_WEIGHT_DECAY : Common.WEIGHT_DECAY).check(weightDecay);
    }

    /** Every coordinate's update reads only its own θ, g and state. */
    @Override
    public boolean coordinatewise() {
        return true;
    }

    @Override
    public State start(int dim) {
        return new State(this, dim);
    }

    /** Adam's per-run state; Eve runs it with its feedback divisor d. */
    static final class State implements Stepper {
        private final Adam c;
        private final double[] m;
        private final double[] v;
        private final double[] vMax;
        /** β₁ᵗ and β₂ᵗ as running products: Math.pow per step would dominate the step's cost. */
        private double power1 = 1;
        private double power2 = 1;

        // This step's factors, the same for every coordinate: set by begin, read by coordinate.
        private double beta1, bc1, bc2, l2, decay, d;

        private State(Adam config, int dim) {
            c = config;
            m = new double[dim];
            v = new double[dim];
            vMax = new double[dim];
        }

        @Override
        public void step(StepContext s) {
            step(s, 1);
        }

        /** {@link #step}'s loop again, so that the JIT compiles it for long arrays (see {@link Stepper#stepMany}). */
        @Override
        public void stepMany(StepContext s) {
            begin(s, 1);
            for (int i = 0; i < m.length; i++) {
                coordinate(s, i);
            }
        }

        /** The step with the denominator d·√v̂ + ε; Adam's own is d = 1. */
        void step(StepContext s, double d) {
            begin(s, d);
            for (int i = 0; i < m.length; i++) {
                coordinate(s, i);
            }
        }

        /** The factors of step s.t that every coordinate shares. */
        private void begin(StepContext s, double divisor) {
            d = divisor;
            beta1 = s.momentumOr(c.beta1);
            power1 *= c.beta1;
            power2 *= c.beta2;
            // A schedule that cycles β₁ (one-cycle) corrects with the current β₁, as PyTorch does.
            bc1 = !c.biasCorrection ? 1 : Double.isNaN(s.momentum) ? 1 - power1 : 1 - Math.pow(beta1, s.t);
            bc2 = c.biasCorrection ? 1 - power2 : 1;
            l2 = c.decoupled ? 0 : c.weightDecay;
            decay = c.decoupled ? s.eta * c.weightDecay : 0;
        }

        private void coordinate(StepContext s, int i) {
            double g = s.grad[i] + l2 * s.theta[i];
            m[i] = beta1 * m[i] + (1 - beta1) * g;
            v[i] = c.beta2 * v[i] + (1 - c.beta2) * g * g;
            double second = v[i];
            if (c.amsgrad) {
                vMax[i] = Math.max(vMax[i], v[i]);
                second = vMax[i];
            }
            double rate = s.eta / (d * Math.sqrt(second / bc2) + c.eps);
            s.lr[i] = rate;
            s.update[i] = rate * m[i] / bc1 + decay * s.theta[i];
        }

        @Override
        public List<Quantity> quantities() {
            return c.amsgrad ? List.of(Quantity.of("m", m), Quantity.of("v", v), Quantity.of("v_max", vMax))
                    : List.of(Quantity.of("m", m), Quantity.of("v", v));
        }
    }
}
