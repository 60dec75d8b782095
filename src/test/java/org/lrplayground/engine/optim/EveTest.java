package org.lrplayground.engine.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lrplayground.engine.optim.Steps.Driver;

/** Eve's feedback term d (first steps by hand are in {@link FirstStepsTest}). */
class EveTest {

    @Test
    void dStaysWithinKAndBigKOverLongWildRuns() {
        assertBounded(Steps.create("eve"), 0.1, 10);
        assertBounded(Steps.create("eve", "k", 2, "K", 5, "beta3", 0.9), 1, 5); // d starts at 1
        assertBounded(Steps.create("eve", "k", 0.01, "K", 100, "beta3", 0), 0.01, 100);
    }

    private static void assertBounded(Optimizer eve, double low, double high) {
        for (long seed = 1; seed <= 3; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            Driver d = new Driver(eve);
            d.c.fStar = -78.33;
            double seenLow = Double.MAX_VALUE;
            double seenHigh = 0;
            for (int t = 1; t <= 30_000; t++) {
                // losses that jump by orders of magnitude, stay put or creep, in runs of a few steps
                double loss = switch (random.nextInt(3)) {
                    case 0 -> d.c.fStar + Math.exp(6 * random.nextGaussian());
                    case 1 -> t == 1 ? 1 : d.c.loss;
                    default -> d.c.fStar + (t == 1 ? 1 : (d.c.loss - d.c.fStar) * (1 + 0.01 * random.nextGaussian()));
                };
                d.step(random.nextGaussian(), random.nextGaussian(), loss);
                double dValue = d.state("d");
                // r lies in [k, K] in exact arithmetic; f̂ − c·f̂ cancels, so computed r may miss by ~1e-14
                assertThat(dValue).as("d at step %d", t).isBetween(low * (1 - 1e-12), high * (1 + 1e-12));
                seenLow = Math.min(seenLow, dValue);
                seenHigh = Math.max(seenHigh, dValue);
            }
            // the runs explore the range rather than sit at d = 1
            assertThat(seenHigh - seenLow).isGreaterThan((high - low) / 20);
        }
    }

    @Test
    void aSteadyLossDrivesDDownToKAndTheRateUpTenfold() {
        Driver d = new Driver("eve");
        // f₂ = f̂: c = k + 1 = 1.1; then f < f̂ = 1.1 f: c = 1/1.1 and back; every r = k = 0.1
        for (int t = 1; t <= 20_000; t++) {
            d.step(1, 1, 4);
        }
        assertThat(d.state("d")).isBetween(0.1, 0.1 + 1e-6);
        // Adam's rate after many equal gradients is η/(√1 + ε); Eve's is η/(0.1·1 + ε)
        assertThat(d.c.lr[0]).isCloseTo(1e-3 / 0.1, within(1e-6 * 1e-2));
    }

    @Test
    void onlyFMinusFStarMattersAndOnlyItsRelativeChanges() {
        Driver plain = new Driver("eve");
        Driver shifted = new Driver("eve");
        Driver scaled = new Driver("eve");
        plain.c.fStar = -78.25;
        shifted.c.fStar = plain.c.fStar + 1000.5;
        scaled.c.fStar = 0;
        SplittableRandom random = new SplittableRandom(11);
        for (int t = 1; t <= 2000; t++) {
            // f − f* on a grid of 1/1024 and shifts by exact binary fractions: no rounding anywhere
            double f = (1 + random.nextInt(100_000)) / 1024.0;
            double gx = random.nextGaussian();
            double gy = random.nextGaussian();
            StepContext a = plain.step(gx, gy, plain.c.fStar + f);
            StepContext b = shifted.step(gx, gy, shifted.c.fStar + f);
            StepContext c = scaled.step(gx, gy, 8 * f);
            assertThat(b.update).as("step %d", t).containsExactly(a.update);
            assertThat(c.update).as("step %d", t).containsExactly(a.update);
            assertThat(b.lr).containsExactly(a.lr);
        }
        assertThat(shifted.state("f_hat")).isEqualTo(plain.state("f_hat"));
        assertThat(scaled.state("f_hat")).isEqualTo(8 * plain.state("f_hat"));
    }
}
