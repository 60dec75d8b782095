package org.lrplayground.engine.optim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BiasCorrectionTest {

    private static void assertExact(BiasCorrection correction, double beta, int t) {
        assertThat(Double.doubleToRawLongBits(correction.at(t))).as("β = %s, t = %d", beta, t)
                .isEqualTo(Double.doubleToRawLongBits(1 - Math.pow(beta, t)));
    }

    @Test
    void equalsOneMinusMathPowBitForBitAsTheSharedTablesGrow() {
        double[] betas = {0.9, 0.999, 0.5, 0.9999, 0.0};
        for (double beta : betas) {
            BiasCorrection first = new BiasCorrection(beta);
            for (int t = 1; t <= 5000; t++) {
                assertExact(first, beta, t);
            }
            BiasCorrection second = new BiasCorrection(beta); // starts from the grown table
            for (int t : new int[] {1, 1023, 1024, 4999, 5000, 70_000, 3, 200_000}) {
                assertExact(second, beta, t);
            }
        }
    }

    @Test
    void staysExactWhenMoreBetasArriveThanTheCacheKeeps() {
        BiasCorrection kept = new BiasCorrection(0.95);
        assertExact(kept, 0.95, 10);
        for (int i = 0; i < 40; i++) {
            double beta = 0.5 + i / 100.0;
            assertExact(new BiasCorrection(beta), beta, 2000 + i);
        }
        assertExact(kept, 0.95, 3000);
    }
}
