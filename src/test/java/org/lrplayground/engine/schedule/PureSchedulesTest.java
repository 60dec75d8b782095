package org.lrplayground.engine.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Tables of multipliers at chosen steps. Expected values come from the closed forms in PyTorch's
 * documentation, worked out by hand (or with a calculator for the cosines), not from our code.
 */
class PureSchedulesTest {

    private static final double TOL = 1e-12;

    @ParameterizedTest
    @CsvSource({"0, 1", "2, 1", "3, 0.1", "5, 0.1", "6, 0.01", "9, 0.001"})
    void stepDecayDropsByGammaEveryStepSize(int t, double expected) {
        assertThat(new StepDecay(3, 0.1).at(t)).isCloseTo(expected, within(TOL));
    }

    @ParameterizedTest
    @CsvSource({"0, 1", "1, 0.5", "3, 0.125", "10, 0.0009765625"})
    void exponentialMultipliesByGammaEveryStep(int t, double expected) {
        assertThat(new Exponential(0.5).at(t)).isCloseTo(expected, within(TOL));
    }

    @Test
    void exponentialDefaultHalvesTheRateInAbout69Steps() {
        assertThat(new Exponential(0.99).at(69)).isCloseTo(0.5, within(1e-3));
    }

    @ParameterizedTest
    @CsvSource({"0, 1", "100, 0.5", "300, 0.25", "900, 0.1"})
    void inverseTimeFallsAsOneOverT(int t, double expected) {
        assertThat(new InverseTime(0.01).at(t)).isCloseTo(expected, within(TOL));
    }

    @ParameterizedTest
    @CsvSource({"0, 1", "25, 0.8681980515339464", "50, 0.55", "100, 0.1", "150, 0.1", "100000, 0.1"})
    void cosineFallsToEtaMinAndStaysThere(int t, double expected) {
        // lr 0.01, eta_min 0.001: the floor multiplier is 0.1.
        assertThat(new Cosine(100, 0.001, 0.01).at(t)).isCloseTo(expected, within(TOL));
    }

    @ParameterizedTest
    @CsvSource({"0, 1", "5, 0.5", "9, 0.024471741852423234", "10, 1", "20, 0.5", "29, 0.00615582970243117",
            "30, 1", "45, 0.6913417161825449", "70, 1"})
    void warmRestartsAnnealWithinGrowingCycles(int t, double expected) {
        assertThat(new WarmRestarts(10, 2, 0, 1).at(t)).isCloseTo(expected, within(TOL));
    }

    @Test
    void warmRestartsRestartAtT0ThenEveryTMultTimesLonger() {
        assertThat(restarts(new WarmRestarts(10, 2, 0, 1), 200)).containsExactly(10, 30, 70, 150);
        assertThat(restarts(new WarmRestarts(10, 1, 0, 1), 45)).containsExactly(10, 20, 30, 40);
        assertThat(restarts(new WarmRestarts(3, 3, 0, 1), 200)).containsExactly(3, 12, 39, 120);
    }

    @Test
    void warmRestartsRestartAtLrAndBottomOutAboveEtaMin() {
        WarmRestarts s = new WarmRestarts(10, 1, 0.002, 0.01);
        assertThat(s.at(10)).isEqualTo(1);
        // Lowest just before each restart: 0.2 + 0.8 · ½(1 + cos(0.9π)).
        assertThat(s.at(19)).isCloseTo(0.2195773934819386, within(TOL));
        assertThat(IntStream.range(0, 100).mapToDouble(s::at).min().orElseThrow()).isEqualTo(s.at(9));
    }

    /** The steps in (0, horizon] at which the multiplier jumps up. */
    private static List<Integer> restarts(Schedule.Pure s, int horizon) {
        List<Integer> out = new ArrayList<>();
        for (int t = 1; t <= horizon; t++) {
            if (s.at(t) > s.at(t - 1)) {
                out.add(t);
            }
        }
        return out;
    }

    @ParameterizedTest
    @CsvSource({"0, 1", "2, 4.6", "5, 10", "7, 6.4", "10, 1", "13, 6.4", "15, 10", "20, 1"})
    void cyclicClimbsLinearlyFromBaseToMaxAndBack(int t, double expected) {
        assertThat(new Cyclic(1, 10, 5, 1).at(t)).isCloseTo(expected, within(TOL));
    }

    @Test
    void cyclicRatesAreRelativeToTheRunsLr() {
        Cyclic s = new Cyclic(0.01, 0.1, 5, 0.02);
        assertThat(s.at(0)).isCloseTo(0.5, within(TOL));
        assertThat(s.at(5)).isCloseTo(5, within(TOL));
        assertThat(s.momentum(3)).isNaN();
    }

    /** max_lr 1, 100 steps, PyTorch's defaults: the peak index is pct_start · T − 1 = 29. */
    private static final OneCycle ONE_CYCLE = new OneCycle(1, 100, 0.3, 25, 1e4, true, 0.85, 0.95, 1);

    @ParameterizedTest
    @CsvSource({"0, 0.04, 0.95", "10, 0.29516394846410077, 0.9234204220349895", "29, 1, 0.85",
            "40, 0.9402980047373053, 0.8559702234071631", "64, 0.500002, 0.9", "99, 0.000004, 0.95",
            "150, 0.000004, 0.95"})
    void oneCycleRisesToMaxLrThenFallsFarBelowWhileMomentumMovesAgainstIt(int t, double rate, double momentum) {
        assertThat(ONE_CYCLE.at(t)).isCloseTo(rate, within(TOL));
        assertThat(ONE_CYCLE.momentum(t)).isCloseTo(momentum, within(TOL));
    }

    @Test
    void oneCycleRateRisesMonotonicallyToThePeakThenFalls() {
        for (int t = 1; t <= 99; t++) {
            if (t <= 29) {
                assertThat(ONE_CYCLE.at(t)).isGreaterThan(ONE_CYCLE.at(t - 1));
                assertThat(ONE_CYCLE.momentum(t)).isLessThan(ONE_CYCLE.momentum(t - 1));
            } else {
                assertThat(ONE_CYCLE.at(t)).isLessThan(ONE_CYCLE.at(t - 1));
                assertThat(ONE_CYCLE.momentum(t)).isGreaterThan(ONE_CYCLE.momentum(t - 1));
            }
        }
    }

    @Test
    void oneCycleIsRelativeToTheRunsLrAndCanLeaveMomentumAlone() {
        OneCycle s = new OneCycle(0.05, 100, 0.3, 25, 1e4, false, 0.85, 0.95, 0.01);
        assertThat(s.at(29)).isCloseTo(5, within(TOL));
        assertThat(s.at(0)).isCloseTo(0.2, within(TOL));
        assertThat(s.momentum(0)).isNaN();
        assertThat(s.momentum(29)).isNaN();
    }

    @Test
    void oneCycleWhosePeakIsTheFirstStepStartsThereInsteadOfDividingByZero() {
        // pct_start · T − 1 = 0: PyTorch computes 0/0 here.
        OneCycle s = new OneCycle(1, 10, 0.1, 25, 1e4, true, 0.85, 0.95, 1);
        assertThat(s.at(0)).isEqualTo(1);
        assertThat(s.at(9)).isCloseTo(4e-6, within(TOL));
    }

    @Test
    void constantStaysAtOne() {
        assertThat(IntStream.of(0, 1, 1000).mapToDouble(new Constant()::at).toArray()).containsOnly(1);
    }
}
