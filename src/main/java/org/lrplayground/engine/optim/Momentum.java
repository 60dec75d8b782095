package org.lrplayground.engine.optim;

import java.util.List;
import org.lrplayground.engine.param.Method;
import org.lrplayground.engine.param.Numbers;
import org.lrplayground.engine.param.Param;

/**
 * SGD with heavy-ball momentum (Polyak 1964) and its Nesterov form (Sutskever et al. 2013), as
 * PyTorch's {@code torch.optim.SGD} computes them.
 *
 * <pre>
 *   g ← g + λθ                                  (weight_decay λ, L2)
 *   b₁ = g₁,  b_t = μ b_{t−1} + (1 − τ) g_t      (momentum μ, dampening τ; PyTorch keeps no buffer when μ = 0)
 *   θ_t = θ_{t−1} − η b_t                       (heavy ball)
 *   θ_t = θ_{t−1} − η (g_t + μ b_t)             (nesterov: needs μ &gt; 0 and τ = 0)
 * </pre>
 * Defaults: lr 0.01, μ 0.9, τ 0, λ 0. The steady-state step under a constant gradient is η/(1 − μ)·g,
 * ten times SGD's at μ = 0.9. Effective LR: η_t, since momentum changes the direction and size of the
 * step, not the rate. (CS231n's v = μv − ηg, θ += v is the same while η is constant.)
 */
public record Momentum(double lr, double momentum, double dampening, boolean nesterov, double weightDecay)
        implements Optimizer {

    static final Param LR = Param.lr(0.01);
    static final Param MOMENTUM = Param.real("momentum", 0.9, 0, 0.9999,
            "μ: the share of the previous step kept in the next one");
    static final Param DAMPENING = Param.real("dampening", 0, 0, 1, "τ: the gradient enters the buffer scaled by 1 − τ");
    static final Param NESTEROV = Param.bool("nesterov", false, "look ahead: step along g + μb instead of b");

    public static final Method<Optimizer> METHOD = method("momentum", "Momentum",
            "SGD that keeps a running sum of past steps, so it speeds up along consistent directions.", NESTEROV);

    /** The same record with the Nesterov switch on by default. */
    public static final Method<Optimizer> NESTEROV_METHOD = method("nesterov", "Nesterov",
            "Momentum that corrects with the gradient at the look-ahead point: less overshoot.",
            NESTEROV.withDefault(c -> 1));

    private static Method<Optimizer> method(String id, String name, String summary, Param nesterov) {
        return new Method<>(id, name, summary, List.of(LR, MOMENTUM, DAMPENING, nesterov, Common.WEIGHT_DECAY),
                v -> new Momentum(v.get(LR), v.get(MOMENTUM), v.get(DAMPENING), v.getBool(nesterov),
                        v.get(Common.WEIGHT_DECAY)));
    }

    public Momentum {
        LR.check(lr);
        MOMENTUM.check(momentum);
        DAMPENING.check(dampening);
        Common.WEIGHT_DECAY.check(weightDecay);
        if (nesterov && momentum == 0) {
            throw new IllegalArgumentException("nesterov needs momentum > 0 (got momentum = 0)");
        }
        if (nesterov && dampening != 0) {
            throw new IllegalArgumentException("nesterov needs dampening = 0 (got dampening = " + Numbers.format(dampening) + ")");
        }
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
        private final Momentum c;
        private final double[] b;

        // This step's factors, the same for every coordinate: set by begin, read by coordinate.
        private double mu, tau;

        State(Momentum config, int dim) {
            c = config;
            b = new double[dim];
        }

        @Override
        public void step(StepContext s) {
            begin(s);
            for (int i = 0; i < b.length; i++) {
                coordinate(s, i);
            }
        }

        /** {@link #step}'s loop again, so that the JIT compiles it for long arrays (see {@link Stepper#stepMany}). */
        @Override
        public void stepMany(StepContext s) {
            begin(s);
            for (int i = 0; i < b.length; i++) {
                coordinate(s, i);
            }
        }

        /** The factors of step s.t that every coordinate shares. */
        private void begin(StepContext s) {
            mu = s.momentumOr(c.momentum);
            // PyTorch's buffer starts as the raw gradient, and without momentum there is no buffer to dampen.
            tau = s.t == 1 || mu == 0 ? 0 : c.dampening;
        }

        private void coordinate(StepContext s, int i) {
            double g = s.grad[i] + c.weightDecay * s.theta[i];
            b[i] = mu * b[i] + (1 - tau) * g;
            s.update[i] = s.eta * (c.nesterov ? g + mu * b[i] : b[i]);
            s.lr[i] = s.eta;
        }

        @Override
        public List<Quantity> quantities() {
            return List.of(Quantity.of("b", b));
        }
    }
}
