package org.lrplayground.engine.optim;

import java.util.List;
import org.lrplayground.engine.param.Method;
import org.lrplayground.engine.param.Param;

/**
 * Polyak's step size (Polyak 1987, "Introduction to Optimization", §5.3; Loizou et al. 2021, arXiv
 * 2002.10542): with the minimum f* known, the rate follows the error, with no rate to tune.
 *
 * <pre>
 *   η_t = γ s_t (f(θ_{t−1}) − f*) / (‖g‖² + ε)      (γ = lr, s_t the schedule's multiplier)
 *   θ_t = θ_{t−1} − η_t g
 * </pre>
 * Defaults: γ 1, ε 1e-16. On f = ½‖θ‖² it steps exactly half-way to the minimum. ε only guards a zero
 * gradient: (f − f*)/‖g‖² stays finite as a run converges, and a larger ε would stall it near the
 * minimum. Effective LR: η_t, the same for every coordinate.
 */
public record Polyak(double lr, double eps) implements Optimizer {

    static final Param LR = Param.lr("lr", 1, "γ: multiplier of the Polyak step (f − f*)/‖g‖²");
    static final Param EPS = Common.eps(1e-16);

    public static final Method<Optimizer> METHOD = new Method<>("polyak", "Polyak step size",
            "Knows the minimum value f* and sets the rate from the remaining error: no rate to tune.",
            List.of(LR, EPS), v -> new Polyak(v.get(LR), v.get(EPS)));

    public Polyak {
        LR.check(lr);
        EPS.check(eps);
    }

    @Override
    public Stepper start(int dim) {
        return new Stepper() {
            @Override
            public void step(StepContext s) {
                double norm2 = 0;
                for (double g : s.grad) {
                    norm2 += g * g;
                }
                double rate = s.eta * (s.loss - s.fStar) / (norm2 + eps);
                for (int i = 0; i < s.grad.length; i++) {
                    s.update[i] = rate * s.grad[i];
                    s.lr[i] = rate;
                }
            }

            @Override
            public List<Quantity> quantities() {
                return List.of();
            }
        };
    }
}
