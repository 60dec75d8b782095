package org.lrplayground.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lrplayground.engine.format.RunFormat;
import org.lrplayground.engine.run.Batch;
import org.lrplayground.engine.run.Race;
import org.lrplayground.engine.run.RunConfig;
import org.lrplayground.engine.run.RunSpec;
import org.lrplayground.engine.run.RunStatus;
import org.lrplayground.engine.run.Trajectory;
import org.lrplayground.engine.surface.Point;

class TuningTest {

    private static Tuning.Settings settings(int grid, int starts, Tuning.Target target, String also) {
        return new Tuning.Settings(grid, starts, target, also);
    }

    @Test
    void sgdOnTheKappa50RavinePicksTheLargestGridRateBelowTheStabilityLimit() {
        // On ½(x² + κy²) SGD multiplies x by 1 − η and y by 1 − κη every step. Below 2/(1 + κ) = 0.0392
        // the slow direction x sets the pace, 1 − η, which a larger η shrinks; from 2/κ = 0.04 on,
        // |1 − κη| ≥ 1 and y grows: diverged. The default grid has four rates per decade around SGD's
        // 0.01 (…, 0.0178, 0.0316, 0.0562, …): 0.0316 is the largest below 0.0392, so it wins, and
        // 0.0562 diverges from every start.
        RunSpec scene = RunFormat.parse("surface=ravine&kappa=50&run=sgd");

        Tuning.Tuned sgd = Tuning.of(scene, Tuning.Settings.DEFAULT).getFirst();

        double[] lrs = sgd.lr().values();
        assertThat(lrs).hasSize(25).startsWith(1e-5).endsWith(10).contains(0.0178, 0.0316, 0.0562);
        double below = Arrays.stream(lrs).filter(lr -> lr < 0.04).max().orElseThrow();
        assertThat(sgd.lr().best()).isLessThan(0.04).isGreaterThanOrEqualTo(below).isEqualTo(0.0316);
        for (int k = 0; k < lrs.length; k++) {
            if (lrs[k] > 0.04) {
                assertThat(sgd.lr().scores()[k]).as("lr %s", lrs[k]).isEqualTo(Double.POSITIVE_INFINITY);
            } else if (k > 0) {
                assertThat(sgd.lr().scores()[k]).as("a larger stable rate is better").isLessThan(sgd.lr().scores()[k - 1]);
            }
        }
        assertThat(sgd.also()).isNull();
        assertThat(sgd.label()).isEqualTo("SGD lr=0.01");
    }

    @Test
    void theTailIsTheMeanOfTheLastTenthOfTheSteps() {
        // κ = 1, lr 0.5 from (2, 0): x_t = 2 · 2^−t, f_t = ½ x_t² = 2^(1 − 2t). 20 steps: the tail is t = 19 and 20.
        RunSpec scene = RunFormat.parse("surface=ravine&kappa=1&start=2,0&steps=20&run=sgd:lr=0.5");
        assertThat(Tuning.tail(20)).isEqualTo(2);

        double tail = Batch.runWithTail(scene, scene.runs().getFirst(), List.of(new Point(2, 0)), 2)
                .tailMean(0);

        assertThat(tail).isEqualTo((Math.pow(2, -37) + Math.pow(2, -39)) / 2);
    }

    @Test
    void aRunThatConvergesBeforeTheTailHoldsItsLastPoint() {
        // As above, |g| = 2 · 2^−t falls below 1e-8 at t = 28, where f = 2^−55; the tail of 40 steps is t = 37 … 40.
        RunSpec scene = RunFormat.parse("surface=ravine&kappa=1&start=2,0&steps=40&run=sgd:lr=0.5");

        Batch batch = Batch.runWithTail(scene, scene.runs().getFirst(), List.of(new Point(2, 0)), 4);

        assertThat(batch.status(0).kind()).isEqualTo(RunStatus.Kind.CONVERGED);
        assertThat(batch.status(0).step()).isEqualTo(28);
        assertThat(batch.tailMean(0)).isEqualTo(Math.pow(2, -55));
    }

    @Test
    void theMedianIsTheMiddleScoreOrTheMeanOfTheMiddleTwo() {
        double inf = Double.POSITIVE_INFINITY;
        assertThat(Tuning.median(new double[] {3, 1, 2})).isEqualTo(2);
        assertThat(Tuning.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
        assertThat(Tuning.median(new double[] {1, inf, 3, 2})).isEqualTo(2.5);
        assertThat(Tuning.median(new double[] {1, inf, inf, 2})).as("half the starts failed").isEqualTo(inf);
    }

    @Test
    void eachScoreIsTheMedianOverTheScenesStartAndSeededRandomOnesOfEachRacesTailMean() {
        RunSpec scene = RunFormat.parse("surface=rosenbrock&steps=300&run=adam:lr=0.05&run=momentum:lr=0.001");
        List<Point> starts = new ArrayList<>(List.of(scene.start()));
        SplittableRandom random = new SplittableRandom(Tuning.SEED);
        for (int i = 0; i < 3; i++) {
            starts.add(new Point(-2 + 4 * random.nextDouble(), -1 + 4 * random.nextDouble()));
        }

        List<Tuning.Tuned> tuned = Tuning.of(scene, settings(5, 4, Tuning.Target.TAIL, null));

        assertThat(tuned).hasSize(2);
        assertThat(tuned.get(1).lr().scores()).as("momentum's larger rates fail").contains(Double.POSITIVE_INFINITY);
        assertThat(Arrays.stream(tuned.get(1).lr().scores()).anyMatch(Double::isFinite)).as("its smaller ones hold").isTrue();
        for (Tuning.Tuned t : tuned) {
            RunConfig config = scene.runs().get(t.run());
            assertThat(t.lr().values()).hasSize(5);
            for (int k = 0; k < 5; k++) {
                RunConfig at = config.withOptimizerValue("lr", t.lr().values()[k]);
                double[] each = starts.stream().mapToDouble(p -> tailMeanOfARace(scene, at, p, 30)).toArray();
                Arrays.sort(each);
                double median = (each[1] + each[2]) / 2;
                if (Double.isInfinite(median)) {
                    assertThat(t.lr().scores()[k]).as("%s at lr %s", t.label(), t.lr().values()[k]).isEqualTo(median);
                } else {
                    assertThat(t.lr().scores()[k]).as("%s at lr %s", t.label(), t.lr().values()[k])
                            .isCloseTo(median, within(1e-12 * Math.max(1, median)));
                }
            }
        }
    }

    /** The tail mean written out from a race's trajectory: +∞ when it failed, its last point held when it converged. */
    private static double tailMeanOfARace(RunSpec scene, RunConfig config, Point start, int tail) {
        RunSpec one = new RunSpec(scene.surface(), scene.surfaceValues(), scene.box(), start, scene.steps(), 0, 0, 1, List.of(config));
        Race race = Race.run(one);
        RunStatus.Kind kind = race.status(0).kind();
        if (kind == RunStatus.Kind.DIVERGED || kind == RunStatus.Kind.LEFT_BOX) {
            return Double.POSITIVE_INFINITY;
        }
        Trajectory t = race.trajectory(0);
        double sum = 0;
        for (int step = scene.steps() - tail + 1; step <= scene.steps(); step++) {
            sum += t.loss(Math.min(step, t.size() - 1)) - race.fStar();
        }
        return sum / tail;
    }

    @Test
    void theOtherTargetsScoreTheLastPointAndTheStepsToConverge() {
        RunSpec scene = RunFormat.parse("surface=ravine&kappa=1&start=2,0&steps=40&run=sgd");

        Tuning.Tuned last = Tuning.of(scene, settings(25, 1, Tuning.Target.FINAL, null)).getFirst();
        Tuning.Tuned steps = Tuning.of(scene, settings(25, 1, Tuning.Target.STEPS, null)).getFirst();

        // lr 1 jumps to the minimum in one step; 1.78 and more overshoot by more than they gain: |1 − η| ≥ 0.78.
        int one = Arrays.binarySearch(last.lr().values(), 1.0);
        assertThat(one).isNotNegative();
        assertThat(last.lr().scores()[one]).isZero();
        assertThat(last.lr().best()).isEqualTo(1.0);
        assertThat(steps.lr().scores()[one]).isEqualTo(1);
        assertThat(steps.lr().best()).isEqualTo(1.0);
        assertThat(steps.lr().scores()).as("no convergence in 40 steps at lr 0.1 or less")
                .startsWith(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    @Test
    void momentumIsSweptOnAGridOfGapsToOneAndTheBestPairIsApplied() {
        RunSpec scene = RunFormat.parse("surface=ravine&kappa=50&steps=200&run=momentum:lr=0.001&run=sgd");

        List<Tuning.Tuned> tuned = Tuning.of(scene, settings(9, 2, Tuning.Target.TAIL, "momentum"));

        Tuning.Tuned momentum = tuned.get(0);
        assertThat(momentum.also().parameter()).isEqualTo("momentum");
        assertThat(momentum.also().values()).hasSize(9).startsWith(0.5).endsWith(0.99).isSorted();
        assertThat(Arrays.stream(momentum.also().scores()).min().orElseThrow())
                .isEqualTo(Arrays.stream(momentum.lr().scores()).min().orElseThrow());
        RunConfig best = momentum.best(scene.runs().get(0));
        assertThat(best.optimizer().values().byName()).containsEntry("lr", momentum.lr().best())
                .containsEntry("momentum", momentum.also().best());
        assertThat(tuned.get(1).also()).as("SGD has no momentum").isNull();
        assertThat(Tuning.sweepable(scene)).contains("momentum").doesNotContain("lr", "nesterov", "dampening");
        assertThatThrownBy(() -> Tuning.of(scene, settings(9, 2, Tuning.Target.TAIL, "beta1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("also = beta1 is not accepted");
    }

    @Test
    void pairsTheOptimizerRejectsAreNoCandidates() {
        // Eve needs K ≥ k = 0.1: K's grid, 10 · 10^(∓3) capped at its largest accepted 1000, starts at 0.01.
        RunSpec scene = RunFormat.parse("surface=ravine&steps=50&run=eve:lr=0.1");

        Tuning.Tuned eve = Tuning.of(scene, settings(5, 1, Tuning.Target.TAIL, "K")).getFirst();

        assertThat(eve.also().values()).containsExactly(0.01, 0.178, 3.16, 56.2, 1000);
        assertThat(eve.also().scores()[0]).as("K = 0.01 < k").isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Arrays.stream(eve.also().scores()).skip(1)).allMatch(Double::isFinite);
        assertThat(eve.also().best()).isGreaterThanOrEqualTo(0.178);
    }

    @Test
    void aRunThatDivergesAtEveryRateHasNoBest() {
        // Steps 1 … of lr ≥ 1e-5 throw SGD off a surface this steep: f = 1e9 (x² + y²).
        RunSpec scene = RunFormat.parse("surface=custom&f=1e9*(x%5E2%2By%5E2)&steps=50&run=sgd");

        Tuning.Tuned sgd = Tuning.of(scene, settings(3, 2, Tuning.Target.TAIL, null)).getFirst();

        assertThat(sgd.lr().scores()).containsOnly(Double.POSITIVE_INFINITY);
        assertThat(sgd.lr().best()).isNaN();
        assertThat(sgd.best(scene.runs().getFirst())).isEqualTo(scene.runs().getFirst());
    }

    @Test
    void theGridAndTheStartsMustBeInRange() {
        for (int grid : List.of(2, 42)) {
            assertThatThrownBy(() -> settings(grid, 4, Tuning.Target.TAIL, null)).hasMessageContaining("whole numbers 3 to 41");
        }
        assertThatThrownBy(() -> settings(25, 17, Tuning.Target.TAIL, null)).hasMessageContaining("whole numbers 1 to 16");
    }
}
