package org.lrplayground.engine.optim;

import java.util.Arrays;
import java.util.List;
import org.lrplayground.engine.param.Method;
import org.lrplayground.engine.param.Param;

/**
 * Adagrad (Duchi, Hazan &amp; Singer 2011, JMLR 12) in PyTorch's form: every coordinate's rate is divided
 * by the root of its summed squared gradients, so it only ever shrinks.
 *
 * <pre>
 *   g ← g + λθ                                  (weight_decay λ, L2)
 *   G_t = G_{t−1} + g²,   G₀ = initial_accumulator_value
 *   η̃ = η_t / (1 + (t − 1)·lr_decay)
 *   θ_t = θ_{t−1} − η̃ g / (√G_t + ε)
 * </pre>
 * Defaults: lr 0.01, lr_decay 0, λ 0, G₀ 0, ε 1e-10. Effective LR: η̃ / (√G_t + ε), non-increasing
 * under a constant η. (TensorFlow starts G at 0.1 and puts ε inside the root.)
 */
public record Adagrad(double lr, double lrDecay, double weightDecay, double initialAccumulatorValue, double eps)
        implements Optimizer {

    static final Param LR = Param.lr(0.01);
    static final Param LR_DECAY = Param.real("lr_decay", 0, 0, 10, "the rate is divided by 1 + (t − 1)·lr_decay");
    static final Param INITIAL_ACCUMULATOR_VALUE = Param.real("initial_accumulator_value", 0, 0, 100,
            "G₀: the sum of squared gradients starts here");
    static final Param EPS = Common.eps(1e-10);

    public static final Method<Optimizer> METHOD = new Method<>("adagrad", "Adagrad",
            "Divides each parameter's rate by the root of its summed squared gradients: rates only shrink.",
            List.of(LR, LR_DECAY, Common.WEIGHT_DECAY, INITIAL_ACCUMULATOR_VALUE, EPS),
            v -> new Adagrad(v.get(LR), v.get(LR_DECAY), v.get(Common.WEIGHT_DECAY),
                    v.get(INITIAL_ACCUMULATOR_VALUE), v.get(EPS)));

    public Adagrad {
        LR.check(lr);
        LR_DECAY.check(lrDecay);
        Common.WEIGHT_DECAY.check(weightDecay);
        INITIAL_ACCUMULATOR_VALUE.check(initialAccumulatorValue);
        EPS.check(eps);
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
        private final Adagrad c;
        private final double[] sum;

        // This step's factors, the same for every coordinate: set by begin, read by coordinate.
        private double eta;

        State(Adagrad config, int dim) {
            c = config;
            sum = new double[dim];
            Arrays.fill(sum, config.initialAccumulatorValue);
        }

        @Override
        public void step(StepContext s) {
            begin(s);
            for (int i = 0; i < sum.length; i++) {
                coordinate(s, i);
            }
        }

        /** {@link #step}'s loop again, so that the JIT compiles it for long arrays (see {@link Stepper#stepMany}). */
        @Override
        public void stepMany(StepContext s) {
            begin(s);
            for (int i = 0; i < sum.length; i++) {
                coordinate(s, i);
            }
        }

        /** The factors of step s.t that every coordinate shares. */
        private void begin(StepContext s) {
            eta = s.eta / (1 + (s.t - 1) * c.lrDecay);
        }

        private void coordinate(StepContext s, int i) {
            double g = s.grad[i] + c.weightDecay * s.theta[i];
            sum[i] += g * g;
            double rate = eta / (Math.sqrt(sum[i]) + c.eps);
            s.lr[i] = rate;
            s.update[i] = rate * g;
        }

        @Override
        public List<Quantity> quantities() {
            return List.of(Quantity.of("G", sum));
        }
    }
}
