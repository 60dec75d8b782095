package org.lrplayground.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.lrplayground.engine.format.RunFormat;

class StableRateTest {

    private static RunStatus.Kind endOf(RunSpec spec, double lr) {
        RunConfig at = spec.runs().get(0).withOptimizerValue("lr", lr);
        return Race.run(spec.withRuns(List.of(at))).status(0).kind();
    }

    @Test
    void sgdAtLrOneOnRosenbrockGetsARateThatHoldsWhileTwiceItDiverges() {
        RunSpec spec = RunFormat.parse("surface=rosenbrock&start=-1.5,2&steps=500&run=sgd:lr=1");
        assertThat(endOf(spec, 1)).isEqualTo(RunStatus.Kind.DIVERGED);

        OptionalDouble stable = StableRate.search(spec, 0);

        assertThat(stable).isPresent();
        double lr = stable.getAsDouble();
        assertThat(endOf(spec, lr)).isNotEqualTo(RunStatus.Kind.DIVERGED);
        assertThat(endOf(spec, 2 * lr)).as("within the search's resolution of the edge").isEqualTo(RunStatus.Kind.DIVERGED);
        assertThat(java.math.BigDecimal.valueOf(lr).stripTrailingZeros().precision()).isLessThanOrEqualTo(2);
    }

    @Test
    void onTheRavineTheEdgeIsJustAboveTheStabilityLimitTwoOverKappa() {
        // SGD on f = (x² + κ y²)/2 multiplies y by (1 − lr·κ) each step: beyond lr = 2/κ it grows, but
        // a run counts as diverged only once it is a million box sizes (6·10⁶) out. From y₀ = 1 in 200
        // steps that takes |1 − lr·κ| > (6·10⁶)^(1/200) ≈ 1.081, i.e. lr > 2.081/κ.
        RunSpec spec = RunFormat.parse("surface=ravine&kappa=50&steps=200&run=sgd:lr=0.5");

        double lr = StableRate.search(spec, 0).orElseThrow();

        assertThat(lr).isGreaterThan(2.0 / 50).isLessThanOrEqualTo(2.081 / 50);
    }

    @Test
    void aRunThatDivergesAtEveryRateTriedHasNoAnswer() {
        // From a start where the loss overflows, no rate helps: the search says so instead of guessing.
        RunSpec spec = RunFormat.parse("surface=custom&f=exp(x%5E2)&box=-40,40,-40,40&start=30,0&steps=50&run=sgd:lr=1");

        assertThat(StableRate.search(spec, 0)).isEmpty();
    }
}
