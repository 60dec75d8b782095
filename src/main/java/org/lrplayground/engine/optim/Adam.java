package org.lrplayground.engine.optim;

import java.util.List;
import java.util.Map;
import org.lrplayground.engine.param.Method;
import org.lrplayground.engine.param.Param;

/**
 * Adam (Kingma &amp; Ba 2014, arXiv 1412.6980), PyTorch's form, with its AMSGrad variant.
 *
 * <pre>
 *   g  ← g + λθ                                   (weight_decay λ, L2)
 *   m_t = β₁ m_{t−1} + (1 − β₁) g
 *   v_t = β₂ v_{t−1} + (1 − β₂) g²
 *   m̂ = m_t / (1 − β₁ᵗ),  v̂ = v_t / (1 − β₂ᵗ)      (bias_correction; else m̂ = m_t, v̂ = v_t)
 *   amsgrad: v_max = max(v_max, v_t), v̂ = v_max / (1 − β₂ᵗ)   (max over the raw second moment)
 *   θ_t = θ_{t−1} − η m̂ / (√v̂ + ε)
 * </pre>
 * Defaults lr 1e-3, β₁ 0.9, β₂ 0.999, ε 1e-8. Effective LR: η_t / (√v̂ + ε), the factor applied to m̂.
 */
public record Adam(double lr, double beta1, double beta2, double eps, double weightDecay, boolean amsgrad,
                   boolean biasCorrection) implements Optimizer {

    static final Param LR = Param.lr(1e-3);
    static final Param EPS = Common.eps(1e-8);
    static final Param AMSGRAD = Param.bool("amsgrad", false, "use the running maximum of the second moment");
    static final Param BIAS_CORRECTION = Param.bool("bias_correction", true,
            "divide the moments by 1 − βᵗ so that early steps are not too small");

    static final List<Param> PARAMS = List.of(LR, Common.BETA1, Common.BETA2, EPS, Common.WEIGHT_DECAY, AMSGRAD,
            BIAS_CORRECTION);

    public static final Method<Optimizer> METHOD = new Method<>("adam", "Adam",
            "Momentum plus RMSProp's per-parameter scaling, with bias correction.", PARAMS,
            v -> new Adam(v.get(LR), v.get(Common.BETA1), v.get(Common.BETA2), v.get(EPS),
                    v.get(Common.WEIGHT_DECAY), v.getBool(AMSGRAD), v.getBool(BIAS_CORRECTION)));

    public Adam {
        LR.check(lr);
        Common.BETA1.check(beta1);
        Common.BETA2.check(beta2);
        EPS.check(eps);
        Common.WEIGHT_DECAY.check(weightDecay);
    }

    @Override
    public Stepper start(int dim) {
        return new State(this, dim);
    }

    private static final class State implements Stepper {
        private final Adam c;
        private final double[] m;
        private final double[] v;
        private final double[] vMax;
        private final BiasCorrection correction1;
        private final BiasCorrection correction2;

        State(Adam config, int dim) {
            c = config;
            correction1 = new BiasCorrection(config.beta1);
            correction2 = new BiasCorrection(config.beta2);
            m = new double[dim];
            v = new double[dim];
            vMax = new double[dim];
        }

        @Override
        public void step(StepContext s) {
            double beta1 = s.momentumOr(c.beta1);
            // A schedule that cycles β₁ (one-cycle) makes every step's β₁ new: no table for that.
            double bc1 = !c.biasCorrection ? 1 : Double.isNaN(s.momentum) ? correction1.at(s.t) : 1 - Math.pow(beta1, s.t);
            double bc2 = c.biasCorrection ? correction2.at(s.t) : 1;
            for (int i = 0; i < m.length; i++) {
                double g = s.grad[i] + c.weightDecay * s.theta[i];
                m[i] = beta1 * m[i] + (1 - beta1) * g;
                v[i] = c.beta2 * v[i] + (1 - c.beta2) * g * g;
                double second = v[i];
                if (c.amsgrad) {
                    vMax[i] = Math.max(vMax[i], v[i]);
                    second = vMax[i];
                }
                double rate = s.eta / (Math.sqrt(second / bc2) + c.eps);
                s.lr[i] = rate;
                s.update[i] = rate * m[i] / bc1;
            }
        }

        @Override
        public Map<String, double[]> state() {
            return c.amsgrad ? Map.of("m", m.clone(), "v", v.clone(), "v_max", vMax.clone())
                    : Map.of("m", m.clone(), "v", v.clone());
        }
    }
}
