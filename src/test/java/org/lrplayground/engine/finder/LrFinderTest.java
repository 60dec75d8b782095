package org.lrplayground.engine.finder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lrplayground.engine.finder.LrCurve.Stop;
import org.lrplayground.engine.format.RunFormat;
import org.lrplayground.engine.optim.Optimizer;
import org.lrplayground.engine.optim.Optimizers;
import org.lrplayground.engine.param.Method;
import org.lrplayground.engine.run.RunSpec;
import org.lrplayground.engine.surface.Surface;
import org.lrplayground.engine.surface.Surfaces;

class LrFinderTest {

    /** The default sweep of the spec's first run. */
    private static LrCurve sweep(String query) {
        return sweep(LrFinder.DEFAULT, query);
    }

    private static LrCurve sweep(LrFinder finder, String query) {
        RunSpec spec = RunFormat.parse(query);
        return finder.find(spec, spec.start(), spec.runs().get(0).optimizer().instance());
    }

    private static double lr(Suggestion s) {
        assertThat(s.lr()).as(s.note()).isPresent();
        return s.lr().getAsDouble();
    }

    private static void assertSameCurve(LrCurve a, LrCurve b) {
        assertThat(b.lrs()).containsExactly(a.lrs());
        assertThat(b.losses()).containsExactly(a.losses());
        assertThat(b.smoothed()).containsExactly(a.smoothed());
        assertThat(b.stop()).isEqualTo(a.stop());
        assertThat(b.steep()).isEqualTo(a.steep());
        assertThat(b.minimum()).isEqualTo(a.minimum());
    }

    @Test
    void onTheRavineSgdStopsSoonAfterTheStabilityLimitAndSuggestsRatesBelowIt() {
        double limit = 2.0 / 50; // SGD on ½(x² + κy²) is stable iff lr·κ < 2

        LrCurve curve = sweep("surface=ravine&kappa=50&run=sgd");

        assertThat(curve.stop()).isEqualTo(Stop.DIVERGED);
        // Later than the limit itself: while lr·κ ≈ 1 the steep coordinate was damped almost to 0, so
        // the unstable factor |1 − lr·κ| > 1 needs a few growing steps before the loss shows it.
        double last = curve.lrs()[curve.size() - 1];
        assertThat(last).isGreaterThan(limit).isLessThan(10 * limit);
        assertThat(lr(curve.steep())).isBetween(1e-5, limit);
        assertThat(lr(curve.minimum())).isBetween(1e-5, limit);
    }

    @Test
    void theSweepStopsAtTheFirstSmoothedLossAboveFourTimesItsBest() {
        LrCurve curve = sweep("surface=ravine&kappa=50&run=sgd"); // f* = 0, so "above f*" is plain

        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < curve.size(); i++) {
            best = Math.min(best, curve.smoothed()[i]);
            boolean above = curve.smoothed()[i] > 4 * best;
            assertThat(above).as("point %d", i).isEqualTo(i == curve.size() - 1);
        }
        assertThat(curve.reason()).contains("stopped after lr = ").contains("4× its best");
    }

    @Test
    void onTheSpreadsheetSgdIsSuggestedARateOfTheSpreadsheetsOrder() {
        LrCurve curve = sweep("surface=linreg&run=sgd");

        assertThat(lr(curve.steep())).isBetween(1e-5, 1e-3);
        assertThat(lr(curve.minimum())).isBetween(1e-5, 1e-3);
    }

    @Test
    void ratesGrowExponentiallyFromStartToEndAndTheSmoothingIsTheDebiasedAverage() {
        LrFinder finder = new LrFinder(1e-4, 0.01, 30);

        LrCurve curve = sweep(finder, "surface=ravine&run=sgd"); // stable throughout: lr·κ ≤ 0.5

        assertThat(curve.stop()).isEqualTo(Stop.SWEPT);
        assertThat(curve.size()).isEqualTo(30);
        assertThat(curve.lrs()[0]).isEqualTo(1e-4);
        assertThat(curve.lrs()[29]).isCloseTo(0.01, within(1e-15));
        double ratio = Math.pow(100, 1.0 / 29);
        double average = 0;
        for (int i = 0; i < 30; i++) {
            if (i > 0) {
                assertThat(curve.lrs()[i] / curve.lrs()[i - 1]).isCloseTo(ratio, within(1e-12));
            }
            average = 0.98 * average + 0.02 * curve.losses()[i];
            assertThat(curve.smoothed()[i]).isCloseTo(average / (1 - Math.pow(0.98, i + 1)), within(1e-12));
        }
        assertThat(curve.reason()).isEqualTo("swept all 30 rates from 0.0001 to 0.01 without the loss diverging");
    }

    @Test
    void eachRateIsPairedWithTheLossItsStepProduced() {
        LrCurve curve = sweep(new LrFinder(0.01, 0.02, 2), "surface=ravine&start=1,1&run=sgd");

        // SGD from (1, 1) on ½(x² + 50y²): x ← x(1 − lr), y ← y(1 − 50 lr)
        double x = 1 - 0.01, y = 1 - 0.5;
        assertThat(curve.losses()[0]).isCloseTo(0.5 * (x * x + 50 * y * y), within(1e-12));
        x *= 1 - 0.02;
        y *= 1 - 1.0;
        assertThat(curve.losses()[1]).isCloseTo(0.5 * (x * x + 50 * y * y), within(1e-12));
    }

    @Test
    void theSameSeedGivesTheSameCurveAndAnotherSeedAnother() {
        String query = "surface=linreg&batch=3&seed=11&run=adam";

        LrCurve first = sweep(query);
        LrCurve again = sweep(query);
        LrCurve otherSeed = sweep(query.replace("seed=11", "seed=12"));

        assertSameCurve(first, again);
        assertThat(otherSeed.losses()).isNotEqualTo(first.losses());
    }

    @Test
    void gradientNoiseFollowsTheSeedToo() {
        String query = "surface=rosenbrock&noise=2&seed=5&run=sgd";

        assertSameCurve(sweep(query), sweep(query));
        assertThat(sweep(query.replace("seed=5", "seed=6")).losses()).isNotEqualTo(sweep(query).losses());
    }

    @Test
    void theSweepIgnoresTheConfiguredLearningRate() {
        assertSameCurve(sweep("surface=linreg&run=sgd:lr=0.00001"), sweep("surface=linreg&run=sgd:lr=0.5"));
        assertSameCurve(sweep("surface=rosenbrock&run=adam:lr=0.001"), sweep("surface=rosenbrock&run=adam:lr=0.3"));
    }

    @Test
    void optimizerStateCarriesOnThroughTheSweep() {
        // Heavy-ball momentum keeps its buffer, so it diverges at a smaller rate than SGD on the same surface.
        LrCurve sgd = sweep("surface=ravine&run=sgd");
        LrCurve momentum = sweep("surface=ravine&run=momentum:momentum=0.9");

        assertThat(momentum.lrs()[momentum.size() - 1]).isLessThan(sgd.lrs()[sgd.size() - 1]);
    }

    @Test
    void noNonFiniteValueEverReachesTheResult() {
        for (Method<Surface> surface : Surfaces.ALL) {
            for (Method<Optimizer> optimizer : Optimizers.ALL) {
                String query = "surface=" + surface.id() + "&noise=0.1&run=" + optimizer.id();
                LrCurve curve = sweep(query);
                DoubleStream values = DoubleStream.concat(DoubleStream.of(curve.lrs()),
                        DoubleStream.concat(DoubleStream.of(curve.losses()), DoubleStream.of(curve.smoothed())));
                assertThat(values.allMatch(Double::isFinite)).as(query).isTrue();
                for (Suggestion s : new Suggestion[] {curve.steep(), curve.minimum()}) {
                    s.lr().ifPresent(lr -> assertThat(lr).as(query).isPositive().isFinite());
                    assertThat(s.note()).as(query).isNotBlank();
                }
                assertThat(curve.reason()).as(query).isNotBlank();
            }
        }
    }

    @Test
    void aStepThatOverflowsEndsTheSweepBeforeItIsRecorded() {
        // At x = 3e6 (within a million box sizes, as a race requires) the gradient of x⁴⁰ is 1.6e254: even the
        // first rate, 1e-7, jumps to x ≈ −1.6e247, where x⁴⁰ overflows.
        LrCurve curve = sweep("surface=custom&f=x%5E40%2By%5E2&box=-2,2,-2,2&start=3e6,0&run=sgd");

        assertThat(curve.stop()).isEqualTo(Stop.NON_FINITE);
        assertThat(curve.size()).isZero();
        assertThat(curve.reason()).isEqualTo("the first step made the position, loss or gradient infinite or undefined");
        assertThat(curve.steep().lr()).isEmpty();
    }

    @Test
    void aStartWhereTheSurfaceIsUndefinedRecordsNothingAndSaysSo() {
        LrCurve curve = sweep("surface=custom&f=log(x)%2By%5E2&box=-2,2,-2,2&start=-1,0&run=sgd");

        assertThat(curve.stop()).isEqualTo(Stop.NON_FINITE);
        assertThat(curve.size()).isZero();
        assertThat(curve.reason()).contains("start point");
        assertThat(curve.steep().lr()).isEmpty();
        assertThat(curve.minimum().lr()).isEmpty();
    }

    @Test
    void tooFewPointsGiveNoSuggestionAndSaySo() {
        LrCurve curve = sweep(new LrFinder(1e-3, 1e-2, 6), "surface=ravine&run=sgd");

        assertThat(curve.size()).isEqualTo(6);
        assertThat(curve.steep().lr()).isEmpty();
        assertThat(curve.steep().note()).startsWith("no suggestion").contains("6 points");
        assertThat(lr(curve.minimum())).isEqualTo(1e-4); // one point remains: the first, 1e-3
    }

    @Test
    void aLossThatNeverFallsHasNoSteepestDescent() {
        LrCurve curve = sweep("surface=ravine&start=0,0&run=sgd"); // starts at the minimum

        assertThat(curve.stop()).isEqualTo(Stop.SWEPT);
        assertThat(curve.steep().lr()).isEmpty();
        assertThat(curve.steep().note()).contains("never fell");
    }

    @Test
    void onASurfaceWithoutMinimumTheSweepEndsWhenItLeavesTheBox() {
        LrCurve curve = sweep("surface=saddle&run=sgd");

        assertThat(curve.stop()).isEqualTo(Stop.LEFT_BOX);
        assertThat(curve.reason()).contains("left the box");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "1e-7; 10; 1; num_it",
        "0; 10; 100; start_lr",
        "-1e-3; 10; 100; start_lr",
        "1e-7; 0; 100; end_lr",
        "1; 1; 100; start_lr = 1 is not accepted: it must be below end_lr = 1",
        "2; 1; 100; start_lr = 2 is not accepted: it must be below end_lr = 1",
        "NaN; 10; 100; start_lr",
    })
    void invalidArgumentsAreRejectedByName(double start, double end, int numIt, String message) {
        assertThatThrownBy(() -> new LrFinder(start, end, numIt))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @Test
    void theDefaultsAreFastais() {
        assertThat(LrFinder.DEFAULT).isEqualTo(new LrFinder(1e-7, 10, 100));
    }
}
