package org.lrplayground.engine.optim;

import java.util.ArrayList;
import java.util.List;
import org.lrplayground.engine.param.Method;
import org.lrplayground.engine.param.Numbers;
import org.lrplayground.engine.param.Param;

/**
 * Eve (Koushik &amp; Hayashi 2016, arXiv 1611.01505, Algorithm 1): Adam whose step is divided by a
 * feedback term d_t, a smoothed relative change of the objective. It needs the loss every step and
 * the minimum f* of the surface, because it sees f_t = f(θ_{t−1}) − f* and assumes f_t &gt; 0.
 *
 * <pre>
 *   m̂, v̂ exactly as {@link Adam}
 *   t = 1:  f̂ ← f_1,  d ← 1
 *   t &gt; 1:  (δ, Δ) = (k + 1, K + 1) if f_t ≥ f̂, else (1/(K + 1), 1/(k + 1))
 *           c = min(max(δ, f_t / f̂), Δ),   f̂' = c f̂
 *           r = |f̂' − f̂| / min(f̂', f̂),   d ← β₃ d + (1 − β₃) r,   f̂ ← f̂'
 *   θ_t = θ_{t−1} − η m̂ / (d √v̂ + ε)
 * </pre>
 * r always lies in [k, K], so d stays in [min(1, k), max(1, K)] and the rate within a factor K of Adam's.
 * Defaults: lr 1e-3, β₁ 0.9, β₂ 0.999, β₃ 0.999, ε 1e-8, k 0.1, K 10. Effective LR: η_t / (d √v̂ + ε).
 * The first published Algorithm 1 had the if-condition reversed (a typo the authors confirmed); this is
 * the corrected one. The later "Eve v3" revision (raw loss, different clipping) is a different method.
 */
public record Eve(double lr, double beta1, double beta2, double beta3, double eps, double k, double K)
        implements Optimizer {

    static final Param LR = Param.lr(1e-3);
    static final Param BETA3 = Param.real("beta3", 0.999, 0, 0.999999, "β₃: decay of the feedback term d");
    static final Param EPS = Common.eps(1e-8);
    static final Param SMALL_K = Param.above("k", 0.1, 0, 10, "k: lower clip of the relative change of f");
    static final Param BIG_K = Param.above("K", 10, 0, 1000, "K: upper clip of the relative change of f");

    public static final Method<Optimizer> METHOD = new Method<>("eve", "Eve",
            "Adam with feedback from the loss: steps shrink while the loss jumps about, grow while it is steady.",
            List.of(LR, Common.BETA1, Common.BETA2, BETA3, EPS, SMALL_K, BIG_K),
            v -> new Eve(v.get(LR), v.get(Common.BETA1), v.get(Common.BETA2), v.get(BETA3), v.get(EPS),
                    v.get(SMALL_K), v.get(BIG_K)));

    public Eve {
        LR.check(lr);
        Common.BETA1.check(beta1);
        Common.BETA2.check(beta2);
        BETA3.check(beta3);
        EPS.check(eps);
        SMALL_K.check(k);
        BIG_K.check(K);
        if (K < k) {
            throw new IllegalArgumentException("K = " + Numbers.format(K) + " is not accepted: K must be at least k = "
                    + Numbers.format(k));
        }
    }

    @Override
    public Stepper start(int dim) {
        return new State(this, dim);
    }

    private static final class State implements Stepper {
        private final Eve c;
        private final Adam.State adam;
        private double d = 1;
        private double fHat;

        State(Eve config, int dim) {
            c = config;
            adam = new Adam(c.lr, c.beta1, c.beta2, c.eps, 0, false, false, true).start(dim);
        }

        @Override
        public void step(StepContext s) {
            double f = s.loss - s.fStar;
            if (s.t == 1) {
                fHat = f;
                d = 1;
            } else {
                boolean rising = f >= fHat;
                double lo = rising ? c.k + 1 : 1 / (c.K + 1);
                double hi = rising ? c.K + 1 : 1 / (c.k + 1);
                double fHatNew = Math.min(Math.max(lo, f / fHat), hi) * fHat;
                double r = Math.abs(fHatNew - fHat) / Math.min(fHatNew, fHat);
                d = c.beta3 * d + (1 - c.beta3) * r;
                fHat = fHatNew;
            }
            adam.step(s, d);
        }

        @Override
        public List<Quantity> quantities() {
            List<Quantity> state = new ArrayList<>(adam.quantities());
            state.add(Quantity.scalar("d", () -> d));
            state.add(Quantity.scalar("f_hat", () -> fHat));
            return state;
        }
    }
}
