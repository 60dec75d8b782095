package org.lrplayground.engine.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.lrplayground.engine.optim.Steps.Driver;

/**
 * The first steps of every optimizer at its defaults, worked out by hand in the comments. Gradients are
 * g₁ = (3, −4) and g₂ = (1, 2) unless said otherwise; θ starts at 0 unless weight decay needs it.
 */
class FirstStepsTest {

    /** Relative tolerance for numbers worked out exactly; ε-sized terms are kept in the expectations. */
    static final double EXACT = 1e-12;
    /** Relative tolerance where the comment drops an ε-sized term. */
    static final double ROUGH = 1e-6;

    static void near(double actual, double expected, double relative) {
        assertThat(actual).isCloseTo(expected, within(relative * Math.abs(expected)));
    }

    @Test
    void sgd() {
        // u = η g = 0.01 · (3, −4) = (0.03, −0.04); effective lr η
        StepContext c = new Driver("sgd").step(3, -4);
        near(c.update[0], 0.03, EXACT);
        near(c.update[1], -0.04, EXACT);
        assertThat(c.lr).containsExactly(0.01, 0.01);
    }

    @Test
    void momentumStartsFromTheRawGradientAndAccumulates() {
        Driver d = new Driver("momentum");
        // b₁ = g₁ = (3, −4): the first step is SGD's, u₁ = (0.03, −0.04)
        StepContext c = d.step(3, -4);
        near(c.update[0], 0.03, EXACT);
        near(c.update[1], -0.04, EXACT);
        // b₂ = 0.9 (3, −4) + (1, 2) = (3.7, −1.6); u₂ = 0.01 b₂ = (0.037, −0.016)
        c = d.step(1, 2);
        near(c.update[0], 0.037, EXACT);
        near(c.update[1], -0.016, EXACT);
        near(d.state("b", 0), 3.7, EXACT);
        assertThat(c.lr).containsExactly(0.01, 0.01);
    }

    @Test
    void dampeningSparesTheFirstStep() {
        Driver d = new Driver("momentum", "dampening", 0.5);
        // b₁ = g₁ (PyTorch does not dampen the first buffer): u₁ = (0.03, −0.04)
        near(d.step(3, -4).update[0], 0.03, EXACT);
        // b₂ = 0.9 (3, −4) + 0.5 (1, 2) = (3.2, −2.6); u₂ = (0.032, −0.026)
        StepContext c = d.step(1, 2);
        near(c.update[0], 0.032, EXACT);
        near(c.update[1], -0.026, EXACT);
    }

    @Test
    void nesterovStepsAlongTheGradientPlusTheDiscountedBuffer() {
        Driver d = new Driver("nesterov");
        // b₁ = (3, −4); u₁ = 0.01 (g + 0.9 b) = 0.01 (5.7, −7.6) = (0.057, −0.076)
        StepContext c = d.step(3, -4);
        near(c.update[0], 0.057, EXACT);
        near(c.update[1], -0.076, EXACT);
        // b₂ = (3.7, −1.6); g + 0.9 b₂ = (1 + 3.33, 2 − 1.44) = (4.33, 0.56); u₂ = (0.0433, 0.0056)
        c = d.step(1, 2);
        near(c.update[0], 0.0433, EXACT);
        near(c.update[1], 0.0056, EXACT);
    }

    @Test
    void ewmaMomentumAveragesWithoutGain() {
        Driver d = new Driver("ewma-momentum");
        // s₁ = 0.1 g₁ = (0.3, −0.4); u₁ = 0.01 s₁ = (0.003, −0.004)
        StepContext c = d.step(3, -4);
        near(c.update[0], 0.003, EXACT);
        near(c.update[1], -0.004, EXACT);
        // s₂ = 0.9 (0.3, −0.4) + 0.1 (1, 2) = (0.37, −0.16); u₂ = (0.0037, −0.0016)
        c = d.step(1, 2);
        near(c.update[0], 0.0037, EXACT);
        near(c.update[1], -0.0016, EXACT);
        near(d.state("s", 1), -0.16, EXACT);
        assertThat(c.lr).containsExactly(0.01, 0.01);
    }

    @Test
    void adagrad() {
        Driver d = new Driver("adagrad");
        // G₁ = (9, 16); lr = 0.01 / (√G + 1e-10) ≈ (0.01/3, 0.01/4); u = lr·g ≈ (0.01, −0.01)
        StepContext c = d.step(3, -4);
        near(c.lr[0], 0.01 / 3, ROUGH);
        near(c.lr[1], 0.0025, ROUGH);
        near(c.update[0], 0.01, ROUGH);
        near(c.update[1], -0.01, ROUGH);
        // g₂ = (4, 3): G₂ = (25, 25); lr = 0.01 / 5 = 0.002; u₂ = (0.008, 0.006)
        c = d.step(4, 3);
        near(c.lr[0], 0.002, ROUGH);
        near(c.update[0], 0.008, ROUGH);
        near(c.update[1], 0.006, ROUGH);
        near(d.state("G", 1), 25, EXACT);
    }

    @Test
    void adagradWithDecayAndInitialAccumulator() {
        Driver d = new Driver("adagrad", "lr_decay", 0.5, "initial_accumulator_value", 16);
        // G₁ = 16 + 9 = 25; lr = 0.01 / 5 = 0.002; u₁ = 0.006
        near(d.step(3, 0).update[0], 0.006, ROUGH);
        // G₂ = 25 + 144 = 169; η̃ = 0.01 / (1 + 0.5) ; lr = 0.01 / 1.5 / 13 = 5.128205e-4
        near(d.step(12, 0).lr[0], 0.01 / 1.5 / 13, ROUGH);
    }

    @Test
    void rmsprop() {
        Driver d = new Driver("rmsprop");
        // v₁ = 0.01 g² = (0.09, 0.16); √v = (0.3, 0.4); lr = (0.01/0.3, 0.01/0.4); u₁ ≈ (0.1, −0.1)
        StepContext c = d.step(3, -4);
        near(c.lr[0], 0.01 / 0.3, ROUGH);
        near(c.update[0], 0.1, ROUGH);
        near(c.update[1], -0.1, ROUGH);
        // v₂ = 0.99·0.09 + 0.01·9 = 0.1791; u₂ = 0.03 / √0.1791 = 0.0708881
        near(d.step(3, -4).update[0], 0.07088812050083358, ROUGH);
    }

    @Test
    void rmspropCenteredAndWithMomentum() {
        // centered: ḡ₁ = 0.01·3 = 0.03, ṽ = 0.09 − 0.0009 = 0.0891; u₁ = 0.03 / √0.0891 = 0.1005038
        near(new Driver("rmsprop", "centered", 1).step(3, 0).update[0], 0.10050378152592121, ROUGH);
        // momentum 0.9: B₁ = 3/0.3 = 10; B₂ = 0.9·10 + 3/√0.1791 = 16.088812; u₂ = 0.01 B₂
        Driver d = new Driver("rmsprop", "momentum", 0.9);
        d.step(3, 0);
        near(d.step(3, 0).update[0], 0.1608881205008336, ROUGH);
    }

    @Test
    void adadelta() {
        Driver d = new Driver("adadelta");
        // v₁ = 0.1·9 = 0.9; Δ₁ = √(0 + 1e-6)/√(0.9 + 1e-6)·3 = 0.001·3/0.9486838 = 0.00316228 (lr 1)
        StepContext c = d.step(3, 0);
        near(c.update[0], Math.sqrt(1e-6) / Math.sqrt(0.900001) * 3, EXACT);
        near(c.update[0], 0.0031622759, 1e-8);
        near(c.lr[0], 0.001 / Math.sqrt(0.900001), EXACT);
        // u₁ = 0.1 Δ₁² = 9.99998889e-7; v₂ = 0.9·0.9 + 0.9 = 1.71; lr₂ = √(u₁ + 1e-6)/√(1.71 + 1e-6) = 0.00108148
        near(d.state("u"), 9.999988888901234e-07, EXACT);
        near(d.step(3, 0).lr[0], 0.0010814755242411359, EXACT);
    }

    @Test
    void adam() {
        Driver d = new Driver("adam");
        // m₁ = 0.1 g = (0.3, −0.4), v₁ = 0.001 g² = (0.009, 0.016); m̂ = g, v̂ = g²;
        // u₁ = 0.001 g / (|g| + 1e-8) ≈ 0.001 sign(g); lr = 0.001 / (3 + 1e-8)
        StepContext c = d.step(3, -4);
        near(c.update[0], 0.001, ROUGH);
        near(c.update[1], -0.001, ROUGH);
        near(c.lr[0], 0.001 / (3 + 1e-8), EXACT);
        // m₂ = (0.37, −0.16), v₂ = (0.009991, 0.019984), 1 − β₁² = 0.19, 1 − β₂² = 0.001999;
        // u₂ = 0.001 (0.37/0.19) / √(0.009991/0.001999) = 8.7106e-4 and −2.66337e-4
        c = d.step(1, 2);
        near(c.update[0], 0.0008710639468280459, 1e-9);
        near(c.update[1], -0.0002663370388180445, 1e-9);
        near(d.state("m", 0), 0.37, EXACT);
        near(d.state("v", 1), 0.019984, EXACT);
    }

    @Test
    void adamWithoutBiasCorrectionStartsTooSmallInM() {
        // m₁ = 0.3, v₁ = 0.009; u₁ = 0.001·0.3 / √0.009 = 0.00316228, lr = 0.001/0.0948683 = 0.0105409244
        StepContext c = new Driver("adam", "bias_correction", 0).step(3, 0);
        near(c.update[0], 0.001 * 0.3 / (Math.sqrt(0.009) + 1e-8), EXACT);
        near(c.update[0], 0.00316228, ROUGH);
        near(c.lr[0], 0.0105409244, ROUGH);
    }

    @Test
    void adamWeightDecayEntersTheGradient() {
        Driver d = new Driver("adam", "weight_decay", 0.1);
        d.c.theta[0] = 1;
        // g = 3 + 0.1·1 = 3.1: u₁ ≈ 0.001, lr = 0.001 / 3.1
        StepContext c = d.step(3, 0);
        near(c.lr[0], 0.001 / 3.1, ROUGH);
        near(d.state("v", 0), 0.001 * 3.1 * 3.1, EXACT);
    }

    @Test
    void amsgradKeepsTheLargestSecondMoment() {
        // β₂ = 0.5: g₁ = 2 gives v₁ = 2, m₁ = 0.2; g₂ = 0 gives v₂ = 1, v_max = 2, m₂ = 0.18;
        // 1 − β₁² = 0.19, 1 − β₂² = 0.75: u₂ = 0.001 (0.18/0.19) / √(2/0.75) = 5.80142e-4
        // (Adam would divide by √(1/0.75) instead: 8.20445e-4)
        Driver ams = new Driver("amsgrad", "beta2", 0.5);
        Driver adam = new Driver("adam", "beta2", 0.5);
        ams.step(2, 0);
        adam.step(2, 0);
        near(ams.step(0, 0).update[0], 0.0005801423039486475, 1e-9);
        near(adam.step(0, 0).update[0], 0.0008204451122694683, 1e-9);
        near(ams.state("v_max"), 2, EXACT);
        near(ams.state("v"), 1, EXACT);
    }

    @Test
    void adamwShrinksTheParametersApartFromTheGradient() {
        Driver d = new Driver("adamw");
        d.c.theta[0] = 1;
        d.c.theta[1] = -2;
        // Adam's step ≈ 0.001 sign(g) plus η λ θ = 0.001·0.01·(1, −2) = (1e-5, −2e-5): u₁ ≈ (0.00101, −0.00102)
        StepContext c = d.step(3, -4);
        near(c.update[0], 0.00101, ROUGH);
        near(c.update[1], -0.00102, ROUGH);
        // the decay stays out of the moments: v₁ = 0.001·9
        near(d.state("v", 0), 0.009, EXACT);
        near(c.lr[0], 0.001 / (3 + 1e-8), EXACT);
    }

    @Test
    void adamax() {
        Driver d = new Driver("adamax");
        // m₁ = (0.3, −0.4), u₁ = (3, 4) + 1e-8; u = 0.002·0.3 / (0.1·3) ≈ 0.002; lr = 0.002/(0.1·3) = 0.0066667
        StepContext c = d.step(3, -4);
        near(c.update[0], 0.002, ROUGH);
        near(c.update[1], -0.002, ROUGH);
        near(c.lr[0], 0.002 / (0.1 * (3 + 1e-8)), EXACT);
        // m₂ = (0.37, −0.16); u₂ = max(0.999·3, 1) = 2.997 and max(0.999·4, 2) = 3.996; 1 − β₁² = 0.19
        // update = 0.002·0.37/(0.19·2.997) = 1.2995e-3 and 0.002·(−0.16)/(0.19·3.996) = −4.2147e-4
        c = d.step(1, 2);
        near(c.update[0], 0.001299545159194282, ROUGH);
        near(c.update[1], -0.000421474105684632, ROUGH);
        near(d.state("u", 1), 3.996, ROUGH);
    }

    @Test
    void nadam() {
        // μ₁ = 0.9 (1 − ½·0.96^0.004) = 0.4500735, μ₂ = 0.9 (1 − ½·0.96^0.008) = 0.4501469;
        // m̂ = μ₂·0.3/(1 − μ₁μ₂) + (1 − μ₁)·3/(1 − μ₁) = 0.0564518·… + 3 = 3.1693553;
        // v̂ = 9; u₁ = 0.002·3.1693553/(3 + 1e-8) = 2.1129035e-3
        Driver d = new Driver("nadam");
        StepContext c = d.step(3, 0);
        near(c.update[0], 0.0021129035496677646, 1e-9);
        near(c.lr[0], 0.002 / (3 + 1e-8), EXACT);
        near(d.state("mu_product"), 0.45007347359129607, EXACT);
    }

    @Test
    void eveIsAdamAtFirstThenFollowsTheLoss() {
        Driver d = new Driver("eve");
        d.c.fStar = 3;
        // t = 1: f̂ = f₁ = 5 − 3 = 2, d = 1, so Adam's step: u₁ ≈ 0.001 sign(g)
        StepContext c = d.step(3, -4, 5);
        near(c.update[0], 0.001, ROUGH);
        near(d.state("f_hat"), 2, EXACT);
        near(d.state("d"), 1, EXACT);
        // t = 2: f₂ = 6 − 3 = 3 ≥ f̂ = 2: c = min(max(1.1, 1.5), 11) = 1.5, f̂ = 3, r = 1/2;
        // d = 0.999 + 0.001·0.5 = 0.9995; u₂ = Adam's with √v̂ scaled by d: 8.714997e-4
        c = d.step(1, 2, 6);
        near(d.state("f_hat"), 3, EXACT);
        near(d.state("d"), 0.9995, EXACT);
        near(c.update[0], 0.0008714996966744339, 1e-9);
        // t = 3: f₃ = 0.5 < f̂ = 3: c = min(max(1/11, 1/6), 1/1.1) = 1/6, f̂ = 0.5, r = 2.5/0.5 = 5;
        // d = 0.999·0.9995 + 0.001·5 = 1.0035005
        d.step(1, 2, 3.5);
        near(d.state("f_hat"), 0.5, EXACT);
        near(d.state("d"), 1.0035005, EXACT);
    }

    @Test
    void eveClipsTheRelativeChange() {
        Driver d = new Driver("eve");
        // f₁ = 1; f₂ = 1000: c = min(max(1.1, 1000), 11) = 11, f̂ = 11, r = 10 = K; d = 0.999 + 0.01 = 1.009
        d.step(1, 1, 1);
        d.step(1, 1, 1000);
        near(d.state("f_hat"), 11, EXACT);
        near(d.state("d"), 1.009, EXACT);
        // f₃ = 10.9 (a tiny fall): c = min(max(1/11, 0.99), 1/1.1) = 1/1.1, f̂ = 10, r = 1/10 = k
        d.step(1, 1, 10.9);
        near(d.state("f_hat"), 10, EXACT);
        near(d.state("d"), 0.999 * 1.009 + 0.001 * 0.1, EXACT);
    }

    @Test
    void polyakStepsHalfWayOnAQuadratic() {
        // f = ½‖θ‖², f* = 0, θ = (1, −2): g = θ, f = 2.5, ‖g‖² = 5; η = 2.5/5 = 0.5; u = (0.5, −1)
        Driver d = new Driver("polyak");
        d.c.theta[0] = 1;
        d.c.theta[1] = -2;
        StepContext c = d.step(1, -2, 2.5);
        near(c.update[0], 0.5, EXACT);
        near(c.update[1], -1, EXACT);
        assertThat(c.lr).containsExactly(0.5, 0.5);
        assertThat(c.theta).containsExactly(0.5, -1.0);
    }

    @Test
    void hypergradientRateLearnsFromSuccessiveGradients() {
        Driver d = new Driver("hypergradient");
        // α₁ = 0.01 (u₀ = 0): u₁ = (0.03, −0.04)
        StepContext c = d.step(3, -4);
        near(c.update[0], 0.03, EXACT);
        // g₂·g₁ = 3 − 8 = −5: α₂ = 0.01 + 1e-4·(−5) = 0.0095; update = 0.0095 (1, 2)
        c = d.step(1, 2);
        near(d.state("alpha"), 0.0095, EXACT);
        near(c.update[1], 0.019, EXACT);
        near(c.lr[0], 0.0095, EXACT);
    }
}
