package org.lrplayground.engine.optim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BiasCorrectionTest {

    private static void assertExact(double beta, int t) {
        assertThat(Double.doubleToRawLongBits(BiasCorrection.of(beta, t))).as("β = %s, t = %d", beta, t)
                .isEqualTo(Double.doubleToRawLongBits(1 - Math.pow(beta, t)));
    }

    @Test
    void equalsOneMinusMathPowBitForBitWhenBetasAndStepsInterleave() {
        double[] betas = {0.9, 0.999, 0.5, 0.9999, 0.0};
        for (int run = 0; run < 2; run++) { // a second run restarts at t = 1 after saturation
            for (int t = 1; t <= 3000; t++) {
                for (double beta : betas) {
                    assertExact(beta, t);
                    assertExact(beta, t); // the remembered value
                }
                assertExact(0.9, t);
                assertExact(0.999, t);
            }
        }
    }

    @Test
    void staysOneOnceSaturatedAndRecomputesForEarlierSteps() {
        assertThat(BiasCorrection.of(0.9, 400)).isEqualTo(1.0);
        assertExact(0.9, 401);
        assertExact(0.9, 100_000);
        assertExact(0.9, 3);
    }
}
