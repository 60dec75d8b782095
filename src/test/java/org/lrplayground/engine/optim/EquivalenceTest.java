package org.lrplayground.engine.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

/** Settings under which two methods must take the same steps, exactly or to rounding. */
class EquivalenceTest {

    static final int STEPS = 200;

    /** Runs both optimizers on the same random gradients and losses; returns the largest relative difference. */
    static double largestDifference(Optimizer a, Optimizer b, long seed) {
        return largestDifference(a, b, seed, new SplittableRandom(seed)::nextGaussian);
    }

    static double largestDifference(Optimizer a, Optimizer b, long seed, DoubleSupplier gradients) {
        SplittableRandom random = new SplittableRandom(seed);
        Stepper sa = a.start(2);
        Stepper sb = b.start(2);
        StepContext ca = new StepContext(2);
        StepContext cb = new StepContext(2);
        ca.fStar = cb.fStar = -1;
        double worst = 0;
        for (int t = 1; t <= STEPS; t++) {
            ca.t = cb.t = t;
            ca.eta = a.lr();
            cb.eta = b.lr();
            ca.loss = cb.loss = ca.fStar + Math.exp(random.nextGaussian());
            for (int i = 0; i < 2; i++) {
                ca.grad[i] = cb.grad[i] = gradients.getAsDouble();
            }
            sa.step(ca);
            sb.step(cb);
            for (int i = 0; i < 2; i++) {
                worst = Math.max(worst, relative(ca.update[i], cb.update[i]));
                worst = Math.max(worst, relative(ca.lr[i], cb.lr[i]));
                ca.theta[i] -= ca.update[i];
                cb.theta[i] -= cb.update[i];
            }
        }
        return worst;
    }

    static double relative(double x, double y) {
        double scale = Math.max(Math.abs(x), Math.abs(y));
        return scale == 0 ? 0 : Math.abs(x - y) / scale;
    }

    @Test
    void momentumZeroIsSgd() {
        assertThat(largestDifference(new Momentum(0.05, 0, 0, false, 0), new Sgd(0.05), 1)).isZero();
        // the moving-average form with β = 0 is SGD too: s = g
        assertThat(largestDifference(new EwmaMomentum(0.05, 0), new Sgd(0.05), 2)).isZero();
    }

    @Test
    void nesterovIsMomentumWithTheNesterovSwitch() {
        assertThat(Steps.create("nesterov")).isEqualTo(Steps.create("momentum", "nesterov", 1));
        assertThat(Steps.create("nesterov", "nesterov", 0)).isEqualTo(Steps.create("momentum"));
    }

    @Test
    void amsgradIsAdamWithTheAmsgradSwitch() {
        assertThat(Steps.create("amsgrad")).isEqualTo(Steps.create("adam", "amsgrad", 1));
        assertThat(Steps.create("amsgrad", "amsgrad", 0)).isEqualTo(Steps.create("adam"));
    }

    @Test
    void amsgradIsAdamWhileTheGradientsGrow() {
        // v only grows when |g| does, and then max(v_max, v) = v
        double[] g = {0.01};
        DoubleSupplier growing = () -> g[0] *= 1.05;
        assertThat(largestDifference(Steps.create("amsgrad"), Steps.create("adam"), 3, growing)).isZero();
        assertThat(largestDifference(Steps.create("amsgrad"), Steps.create("adam"), 3)).isPositive();
    }

    @Test
    void adamwWithoutDecayIsAdam() {
        assertThat(largestDifference(Steps.create("adamw", "weight_decay", 0), Steps.create("adam"), 4)).isZero();
        assertThat(largestDifference(Steps.create("adamw", "weight_decay", 0, "amsgrad", 1),
                Steps.create("amsgrad"), 5)).isZero();
        // and the two kinds of decay really differ
        assertThat(largestDifference(Steps.create("adamw", "weight_decay", 0.1),
                Steps.create("adam", "weight_decay", 0.1), 6)).isGreaterThan(1e-3);
    }

    @Test
    void adamWithoutFirstMomentOrBiasCorrectionIsRmsprop() {
        // β₁ = 0 makes m = g; without bias correction v̂ = v, RMSProp's average with α = β₂
        Optimizer adam = Steps.create("adam", "beta1", 0, "beta2", 0.9, "bias_correction", 0, "lr", 0.01);
        Optimizer rmsprop = Steps.create("rmsprop", "alpha", 0.9, "eps", 1e-8, "lr", 0.01);
        assertThat(largestDifference(adam, rmsprop, 7)).isLessThan(1e-14);
    }

    @Test
    void eveWithKEqualToOneAndKIsAdam() {
        // k = K = 1 pins the relative change r to exactly 1, so d stays 1
        Optimizer eve = Steps.create("eve", "k", 1, "K", 1, "lr", 0.01);
        assertThat(largestDifference(eve, Steps.create("adam", "lr", 0.01), 8)).isZero();
        assertThat(largestDifference(Steps.create("eve", "lr", 0.01), Steps.create("adam", "lr", 0.01), 8))
                .isGreaterThan(1e-3);
    }

    @Test
    void hypergradientIsSgdWhileSuccessiveGradientsAreOrthogonal() {
        // g = (2.5, 0), (0, 2.5), (2.5, 0), …: g_t · g_{t−1} = 0, so the rate never moves
        int[] n = {0};
        DoubleSupplier alternating = () -> {
            int k = n[0]++ % 4;
            return k == 0 || k == 3 ? 2.5 : 0;
        };
        Optimizer hd = Steps.create("hypergradient", "hyper_lr", 0.1);
        assertThat(largestDifference(hd, new Sgd(0.01), 9, alternating)).isZero();
    }

    @Test
    void adamaxFirstStepIsAdamsUpToEpsilon() {
        // after one step both are η sign(g) (AdaMax: m₁/(1 − β₁) / (|g| + ε); Adam: ĝ/(|g| + ε))
        Steps.Driver adamax = new Steps.Driver("adamax", "lr", 0.001);
        Steps.Driver adam = new Steps.Driver("adam");
        assertThat(adamax.step(3, -4).update[1]).isCloseTo(adam.step(3, -4).update[1], within(1e-15));
    }
}
