package org.lrplayground.engine.surface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SparseFeaturesTest {

    private final SparseFeatures sparse = new SparseFeatures();

    @Test
    void theLeastSquaresFitLiesNearTheTrueWeightsWithAnErrorNearTheNoise() {
        Minimum fit = sparse.minima().getFirst();
        assertThat(sparse.minima()).hasSize(1);
        assertThat(fit.at().x()).isCloseTo(1, within(0.1));
        assertThat(fit.at().y()).isCloseTo(2, within(0.2));
        assertThat(fit.value()).isBetween(0.3 * 0.3 / 2, 0.3 * 0.3 * 2);
        double[] g = new double[2];
        assertThat(sparse.gradient(fit.at().x(), fit.at().y(), g)).isEqualTo(fit.value());
        assertThat(Math.hypot(g[0], g[1])).isLessThan(1e-12);
        assertThat(sparse.dataRows()).isEqualTo(50);
        assertThat(sparse.box().contains(sparse.start().x(), sparse.start().y())).isTrue();
    }

    @Test
    void onlyOneRowInTenCarriesAGradientForTheRareWeight() {
        Surface.Sampler sampler = sparse.sampler(new SplittableRandom(7), 1);
        double[] g = new double[2];
        int withB = 0;
        for (int t = 0; t < 50; t++) {
            sampler.sample(0, 0, g);
            assertThat(g[0]).as("every row has u").isNotZero();
            if (g[1] != 0) {
                withB++;
            }
        }
        assertThat(withB).isEqualTo(5);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 50})
    void miniBatchGradientsAverageToTheFullGradientOverEachEpoch(int batch) {
        Surface.Sampler sampler = sparse.sampler(new SplittableRandom(3), batch);
        double[] full = new double[2];
        double loss = sparse.gradient(0.5, 0.5, full);
        for (int epoch = 0; epoch < 3; epoch++) {
            double[] sum = new double[2];
            double[] g = new double[2];
            for (int step = 0; step < 50 / batch; step++) {
                assertThat(sampler.sample(0.5, 0.5, g)).isEqualTo(loss);
                sum[0] += g[0] * batch / 50;
                sum[1] += g[1] * batch / 50;
            }
            assertThat(sum[0]).isCloseTo(full[0], within(1e-9 * Math.abs(full[0])));
            assertThat(sum[1]).isCloseTo(full[1], within(1e-9 * Math.abs(full[1])));
        }
    }

    @Test
    void batchesLargerThanTheDataAreRejected() {
        assertThatThrownBy(() -> sparse.sampler(new SplittableRandom(1), 51))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 50 rows");
    }
}
