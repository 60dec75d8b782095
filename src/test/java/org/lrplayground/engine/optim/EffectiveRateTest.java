package org.lrplayground.engine.optim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;
import org.lrplayground.engine.optim.Steps.Driver;

/** How the effective learning rate per coordinate behaves over long runs. */
class EffectiveRateTest {

    @Test
    void effectiveLearningRateNeverIncreases() {
        for (Optimizer adagrad : new Optimizer[] {Steps.create("adagrad"),
                Steps.create("adagrad", "lr_decay", 0.01, "initial_accumulator_value", 0.1, "weight_decay", 0.1)}) {
            SplittableRandom random = new SplittableRandom(5);
            Driver d = new Driver(adagrad);
            double[] previous = {Double.MAX_VALUE, Double.MAX_VALUE};
            for (int t = 1; t <= 10_000; t++) {
                // gradients that grow, shrink and vanish
                double scale = random.nextInt(10) == 0 ? 0 : Math.pow(10, random.nextDouble(-4, 3));
                StepContext c = d.step(scale * random.nextGaussian(), scale * random.nextGaussian());
                for (int i = 0; i < 2; i++) {
                    assertThat(c.lr[i]).as("%s step %d", adagrad, t).isLessThanOrEqualTo(previous[i]);
                    previous[i] = c.lr[i];
                }
            }
        }
    }

    @Test
    void rmspropsRateOnTheOtherHandGrowsBackOnceLargeGradientsPass() {
        Driver d = new Driver("rmsprop");
        d.step(100, 100);
        double afterLarge = d.c.lr[0];
        // v = 0.01·100² = 100, lr = 0.01/10; then v decays by 0.99 a step towards 0.01² and lr towards 1
        for (int t = 0; t < 2000; t++) {
            d.step(0.01, 0.01);
        }
        assertThat(d.c.lr[0]).isGreaterThan(100 * afterLarge);
    }

    @Test
    void centeredRmspropStaysFiniteWhenTheGradientStopsVarying() {
        // v − ḡ² → 0 for a constant gradient, and rounding takes it below zero after ~3200 steps at g = 0.1;
        // the rate becomes η/ε, large but a number the runner can judge
        Driver d = new Driver("rmsprop", "centered", 1, "lr", 1e-6);
        for (int t = 1; t <= 4000; t++) {
            StepContext c = d.step(0.1, 7.3);
            assertThat(DoubleStream.of(c.lr[0], c.lr[1], c.update[0], c.update[1]).allMatch(Double::isFinite))
                    .as("step %d", t).isTrue();
        }
        assertThat(d.c.lr[0]).isEqualTo(1e-6 / 1e-8);
    }
}
