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
import org.lrplayground.engine.run.Race;
import org.lrplayground.engine.run.RunSpec;

class RestartsTest {

    private static final String CAMEL = "surface=six-hump-camel&steps=1000&run=sgd:lr=0.01";

    /** Every n-element subset of {@code values}, by its smallest value. */
    private static List<Double> minimaOfSubsets(double[] values, int n) {
        List<Double> out = new ArrayList<>();
        for (int mask = 0; mask < 1 << values.length; mask++) {
            if (Integer.bitCount(mask) == n) {
                double min = Double.POSITIVE_INFINITY;
                for (int i = 0; i < values.length; i++) {
                    if ((mask & 1 << i) != 0) {
                        min = Math.min(min, values[i]);
                    }
                }
                out.add(min);
            }
        }
        return out;
    }

    private static double binomial(int m, int n) {
        double c = 1;
        for (int j = 0; j < n; j++) {
            c = c * (m - j) / (j + 1);
        }
        return n > m ? 0 : c;
    }

    @Test
    void theBestOfNReachedWithChanceQIsTheSmallestGapThatAShareQOfAllNTrySetsReach() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 40; trial++) {
            int m = 4 + random.nextInt(9);
            double[] values = random.doubles(m).map(v -> v < 0.2 ? Double.POSITIVE_INFINITY : v).toArray();
            Arrays.sort(values);
            for (int n = 1; n <= m; n++) {
                List<Double> minima = minimaOfSubsets(values, n);
                for (double q : new double[] {0.5, 0.9}) {
                    // By enumeration: the smallest value v with at least a share q of the subsets' minima ≤ v.
                    double expected = Arrays.stream(values)
                            .filter(v -> minima.stream().filter(x -> x <= v).count() >= q * minima.size() - 1e-9).min().orElseThrow();
                    assertThat(Restarts.best(values, n, q)).as("m=%d n=%d q=%s", m, n, q).isEqualTo(expected);
                }
                assertThat(Restarts.noneOf(m, 2, n)).isCloseTo(binomial(m - 2, n) / binomial(m, n), within(1e-12));
            }
        }
    }

    @Test
    void onTheCamelOneStartFindsAGlobalMinimumAboutHalfTheTimeAndFourStartsMissWithAboutSevenPercent() {
        RunSpec scene = RunFormat.parse(CAMEL);

        List<Restarts.Tries> tries = Restarts.of(scene, 0, 8);

        assertThat(tries).extracting(Restarts.Tries::n).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        // Lesson 14's basins: 49 % of the box drains to the global minima for SGD; 1 024 random
        // starts estimate it within a few percent.
        double share = tries.get(0).globalChance();
        assertThat(share).isBetween(0.45, 0.53);
        assertThat(1 - tries.get(3).globalChance()).isCloseTo(Math.pow(1 - share, 4), within(0.002)).isBetween(0.04, 0.10);
        // Nine times in ten, one to three starts can all miss them (0.48³ > 0.1); four cannot.
        assertThat(tries.subList(0, 3)).allSatisfy(t -> assertThat(t.randomStarts90()).isGreaterThan(0.8));
        assertThat(tries.get(3).randomStarts90()).isLessThan(1e-9);
        // SGD from the scene's start converges to a local minimum (f = −0.2155 against f* = −1.0316),
        // and a converged run does not move again when its rate is restarted: the gradient there is 0.
        assertThat(tries).allSatisfy(t -> assertThat(t.warmRestarts()).isCloseTo(0.8161, within(0.001)));
        for (int k = 1; k < tries.size(); k++) {
            assertThat(tries.get(k).randomStarts90()).isLessThanOrEqualTo(tries.get(k - 1).randomStarts90());
            assertThat(tries.get(k).globalChance()).isGreaterThan(tries.get(k - 1).globalChance());
        }
    }

    @Test
    void onRastriginTheBestOfMoreStartsStepsDownThroughItsLocalMinima() {
        RunSpec scene = RunFormat.parse("surface=rastrigin&steps=500&run=sgd:lr=0.002");

        List<Restarts.Tries> tries = Restarts.of(scene, 0, 10);

        // SGD ends in the local minimum next to its start, near an integer point where f ≈ x² + y²:
        // the typical best of more starts is a minimum closer to the origin.
        double[] best = tries.stream().mapToDouble(Restarts.Tries::randomStarts).toArray();
        assertThat(best[0]).isCloseTo(17, within(0.1));
        assertThat(best[9]).isCloseTo(2, within(0.1));
        for (double gap : best) {
            assertThat(Math.abs(gap - Math.rint(gap))).isLessThan(0.1);
        }
        assertThat(tries.get(9).globalChance()).isBetween(0.05, 0.12);
    }

    @Test
    void oneWarmRestartCycleIsTheRunWithSgdrForTheScenesSteps() {
        RunSpec scene = RunFormat.parse("surface=rosenbrock&steps=300&run=adam:lr=0.05");

        List<Restarts.Tries> tries = Restarts.of(scene, 0, 3);

        Race alone = Race.run(RunFormat.parse("surface=rosenbrock&steps=300&run=adam:lr=0.05,sched=warm-restarts,T_0=300"));
        double fStar = scene.surface().fStar(scene.box());
        assertThat(tries.get(0).warmRestarts()).isEqualTo(alone.trajectory(0).loss(300) - fStar);
        Race three = Race.run(RunFormat.parse("surface=rosenbrock&steps=900&run=adam:lr=0.05,sched=warm-restarts,T_0=300"));
        double best = Math.min(Math.min(three.trajectory(0).loss(300), three.trajectory(0).loss(600)), three.trajectory(0).loss(900));
        assertThat(tries.get(2).warmRestarts()).isEqualTo(best - fStar);
    }

    @Test
    void warmRestartsStopAtOneRacesStepsAndBadArgumentsAreRefused() {
        RunSpec scene = RunFormat.parse("surface=himmelblau&steps=40000&run=sgd:lr=0.005");

        List<Restarts.Tries> tries = Restarts.of(scene, 0, 3);

        // 100 000 steps hold two cycles of 40 000.
        assertThat(tries.get(1).warmRestarts()).isFinite();
        assertThat(tries.get(2).warmRestarts()).isNaN();
        assertThat(tries.get(2).randomStarts()).isFinite();
        assertThatThrownBy(() -> Restarts.of(scene, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Restarts.of(scene, 1, 5)).hasMessageContaining("not run 1");
    }
}
