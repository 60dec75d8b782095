package org.lrplayground.engine.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FeedbackSchedulesTest {

    /** Feeds the losses of steps 0, 1, … to a fresh tracker and returns the multipliers. */
    private static double[] multipliers(Schedule s, double fStar, double... losses) {
        Schedule.Tracker tracker = s.start(fStar);
        double[] out = new double[losses.length];
        for (int t = 0; t < losses.length; t++) {
            out[t] = tracker.multiplier(t, losses[t]);
        }
        return out;
    }

    @Test
    void plateauCutsAfterMoreThanPatienceStepsWithoutImprovementAndNotBefore() {
        double[] flat = new double[30];
        Arrays.fill(flat, 5);
        double[] m = multipliers(new Plateau(0.1, 10, 1e-4, 0, 1), 0, flat);

        // Step 0 sets the best; steps 1…10 are the 10 tolerated bad steps; the 11th cuts.
        for (int t = 0; t <= 10; t++) {
            assertThat(m[t]).as("step %d", t).isEqualTo(1);
        }
        assertThat(m[11]).isCloseTo(0.1, within(1e-15));
        assertThat(m[21]).isCloseTo(0.1, within(1e-15));
        assertThat(m[22]).isCloseTo(0.01, within(1e-15));
    }

    @Test
    void plateauCountsOnlyRelativeImprovementsBeyondThreshold() {
        // threshold 0.1: from best 10, only a loss below 9 counts.
        double[] m = multipliers(new Plateau(0.1, 2, 0.1, 0, 1), 0, 10, 9.5, 9.2, 9.1, 8, 8, 8, 8);
        assertThat(m).containsExactly(new double[] {1, 1, 1, 0.1, 0.1, 0.1, 0.1, 0.01}, within(1e-15));
    }

    @Test
    void plateauResetsItsPatienceOnEveryImprovement() {
        double[] m = multipliers(new Plateau(0.1, 2, 1e-4, 0, 1), 0, 10, 10, 10, 9, 9, 9, 8, 8, 8);
        assertThat(m).containsOnly(1);
    }

    @Test
    void plateauMeasuresImprovementAboveFStarSoNegativeLossesWork() {
        // Gaps 10 then 9.5: not 10% better. On raw losses −90.5 < −90 · 0.9 would count as an improvement.
        double[] m = multipliers(new Plateau(0.1, 0, 0.1, 0, 1), -100, -90, -90.5);
        assertThat(m).containsExactly(1, 0.1);
    }

    @Test
    void plateauNeverCutsBelowMinLr() {
        double[] m = multipliers(new Plateau(0.1, 0, 1e-4, 0.005, 0.01), 0, 1, 1, 1, 1);
        assertThat(m).containsExactly(1, 0.5, 0.5, 0.5);
    }

    @Test
    void errorProportionalFollowsTheLossRatioClampedToZeroAndOne() {
        double[] m = multipliers(new ErrorProportional(), 1, 5, 3, 2, 1.5, 1, 0.5, 9);
        assertThat(m).containsExactly(1, 0.5, 0.25, 0.125, 0, 0, 1);
    }

    @Test
    void errorProportionalStartingAtTheMinimumKeepsTheFullRate() {
        assertThat(multipliers(new ErrorProportional(), -1.0316, -1.0316, -1.0316, 2)).containsOnly(1);
    }

    @Test
    void errorProportionalTrackersAreIndependentPerRun() {
        ErrorProportional s = new ErrorProportional();
        Schedule.Tracker a = s.start(0);
        a.multiplier(0, 10);
        assertThat(a.multiplier(1, 5)).isEqualTo(0.5);
        Schedule.Tracker b = s.start(0);
        assertThat(b.multiplier(0, 5)).isEqualTo(1);
    }
}
