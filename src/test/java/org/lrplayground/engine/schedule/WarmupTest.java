package org.lrplayground.engine.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lrplayground.engine.param.Param;
import org.lrplayground.engine.param.Values;

class WarmupTest {

    private static double[] multipliers(Schedule s, double... losses) {
        Schedule.Tracker tracker = s.start(0);
        double[] out = new double[losses.length];
        for (int t = 0; t < losses.length; t++) {
            out[t] = tracker.multiplier(t, losses[t]);
        }
        return out;
    }

    @Test
    void rampsLinearlyThenHandsOverToTheScheduleFromItsOwnStepZero() {
        double[] m = multipliers(new Warmup(3, new Exponential(0.5)), 0, 0, 0, 0, 0, 0);
        assertThat(m).containsExactly(new double[] {0.25, 0.5, 0.75, 1, 0.5, 0.25}, within(1e-15));
    }

    @Test
    void rampsUpToTheFirstValueOfTheWrappedSchedule() {
        OneCycle oneCycle = new OneCycle(1, 100, 0.3, 25, 1e4, true, 0.85, 0.95, 1);
        Warmup w = new Warmup(4, oneCycle);
        double[] m = multipliers(w, 0, 0, 0, 0, 0, 0);
        assertThat(m).containsExactly(new double[] {0.008, 0.016, 0.024, 0.032, 0.04, oneCycle.at(1)}, within(1e-15));
        assertThat(w.momentum(0)).isEqualTo(0.95);
        assertThat(w.momentum(4 + 29)).isCloseTo(0.85, within(1e-15));
    }

    @Test
    void handsTheLossHistoryToAFeedbackScheduleFromTheEndOfTheRamp() {
        double[] m = multipliers(new Warmup(2, new ErrorProportional()), 10, 8, 4, 2, 1);
        assertThat(m).containsExactly(new double[] {1.0 / 3, 2.0 / 3, 1, 0.5, 0.25}, within(1e-15));
    }

    @Test
    void everyScheduleAcceptsWarmupThroughTheRegistry() {
        Param.Context context = new Param.Context(0.01, 1000);
        for (var method : Schedules.ALL) {
            Schedule s = method.create(Values.of(method.params(), Map.of("warmup", 5.0), context));
            assertThat(s).as(method.id()).isInstanceOf(Warmup.class);
            assertThat(multipliers(s, 1, 1)[0]).as(method.id()).isGreaterThan(0).isLessThan(1);
        }
    }
}
