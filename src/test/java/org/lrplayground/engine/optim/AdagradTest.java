package org.lrplayground.engine.optim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lrplayground.engine.optim.Steps.Driver;

class AdagradTest {

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
}
