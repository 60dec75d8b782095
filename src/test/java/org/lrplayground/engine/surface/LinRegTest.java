package org.lrplayground.engine.surface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinRegTest {

    private final LinReg linreg = new LinReg();

    @Test
    void theExactLeastSquaresFitIsTwoAndThirtyWithZeroError() {
        double[] g = new double[2];
        assertThat(linreg.gradient(2, 30, g)).isZero();
        assertThat(g).containsExactly(0, 0);
        assertThat(linreg.dataRows()).isEqualTo(30);
        assertThat(linreg.start()).isEqualTo(new Point(1, 1));
        assertThat(linreg.box()).isEqualTo(new Box(-1, 5, -5, 40));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 30})
    void miniBatchGradientsAverageToTheFullGradientOverEachEpoch(int batch) {
        Surface.Sampler sampler = linreg.sampler(new SplittableRandom(3), batch);
        double[] full = new double[2];
        double loss = linreg.gradient(1.5, 12, full);
        for (int epoch = 0; epoch < 3; epoch++) {
            double[] sum = new double[2];
            double[] g = new double[2];
            for (int step = 0; step < 30 / batch; step++) {
                assertThat(sampler.sample(1.5, 12, g)).isEqualTo(loss);
                sum[0] += g[0] * batch / 30;
                sum[1] += g[1] * batch / 30;
            }
            assertThat(sum[0]).isCloseTo(full[0], within(1e-9 * Math.abs(full[0])));
            assertThat(sum[1]).isCloseTo(full[1], within(1e-9 * Math.abs(full[1])));
        }
    }

    @Test
    void aBatchThatDoesNotDivideTheDataLeavesASmallerLastBatch() {
        Surface.Sampler sampler = linreg.sampler(new SplittableRandom(3), 7);
        double[] full = new double[2];
        linreg.gradient(0, 0, full);
        double[] g = new double[2];
        double sum = 0;
        for (int size : new int[] {7, 7, 7, 7, 2}) {
            sampler.sample(0, 0, g);
            sum += g[1] * size / 30;
        }
        assertThat(sum).isCloseTo(full[1], within(1e-9 * Math.abs(full[1])));
    }

    @Test
    void theSameSeedGivesTheSameRowsAndEveryEpochIsReshuffled() {
        List<Double> first = rowGradients(new SplittableRandom(11), 90);
        assertThat(rowGradients(new SplittableRandom(11), 90)).isEqualTo(first);
        assertThat(rowGradients(new SplittableRandom(12), 90)).isNotEqualTo(first);
        List<Double> epoch1 = first.subList(0, 30);
        List<Double> epoch2 = first.subList(30, 60);
        assertThat(epoch2).containsExactlyInAnyOrderElementsOf(epoch1).isNotEqualTo(epoch1);
    }

    /** ∂e/∂b of the row each step draws, at a point where every row's residual differs. */
    private List<Double> rowGradients(SplittableRandom random, int steps) {
        Surface.Sampler sampler = linreg.sampler(random, 1);
        double[] g = new double[2];
        List<Double> rows = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            sampler.sample(1, 1, g);
            rows.add(g[1]);
        }
        return rows;
    }

    @Test
    void eachRowFollowsTheSpreadsheetsGradientWithXFromOneToAHundred() {
        Surface.Sampler sampler = linreg.sampler(new SplittableRandom(5), 1);
        double[] g = new double[2];
        for (int t = 0; t < 30; t++) {
            sampler.sample(1, 1, g);
            // at (a, b) = (1, 1): de/db = 2(x + 1 − 2x − 30) = −2(x + 29), de/da = x·de/db
            double x = -g[1] / 2 - 29;
            assertThat(x).isBetween(1.0, 100.0).isEqualTo(Math.rint(x));
            assertThat(g[0]).isEqualTo(x * g[1]);
        }
    }

    @Test
    void batchesLargerThanTheDataAreRejected() {
        assertThatThrownBy(() -> linreg.sampler(new SplittableRandom(1), 31))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 30 rows");
    }
}
