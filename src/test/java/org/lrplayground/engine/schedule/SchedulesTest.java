package org.lrplayground.engine.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lrplayground.engine.param.Method;
import org.lrplayground.engine.param.Param;
import org.lrplayground.engine.param.Values;
import org.lrplayground.engine.format.RunFormat;
import org.lrplayground.engine.run.Race;
import org.lrplayground.engine.run.Trajectory;

class SchedulesTest {

    private static final Param.Context RUN = new Param.Context(0.01, 1000);

    private static Schedule create(String id, Map<String, Double> given) {
        Method<Schedule> method = Schedules.byId(id).orElseThrow();
        return method.create(Values.of(method.params(), given, RUN));
    }

    @Test
    void offersEveryScheduleOfTheReference() {
        assertThat(Schedules.ALL.stream().map(Method::id)).containsExactly("constant", "step", "exponential",
                "inverse-time", "cosine", "warm-restarts", "one-cycle", "cyclic", "plateau", "error-proportional");
    }

    @Test
    void stepFunctionsArePureSoTheUiCanPreviewThem() {
        for (Method<Schedule> method : Schedules.ALL) {
            boolean feedback = method.id().equals("plateau") || method.id().equals("error-proportional");
            assertThat(create(method.id(), Map.of()) instanceof Schedule.Pure).as(method.id()).isEqualTo(!feedback);
        }
    }

    @Test
    void tabulatedMultipliersAreTheRatesARunRecords() {
        var spec = RunFormat.parse("surface=rosenbrock&steps=60&run=adam:lr=0.05,sched=cosine,T_max=40,warmup=10"
                + "&run=sgd:lr=0.001,sched=plateau");
        Trajectory t = Race.run(spec).trajectory(0);
        int[] steps = java.util.stream.IntStream.range(0, t.size() - 1).toArray();

        double[] s = Schedules.tabulate(spec.runs().get(0).schedule().instance(), steps).orElseThrow();

        assertThat(t.eta(0)).isNaN();
        for (int k = 0; k < steps.length; k++) {
            assertThat(t.eta(k + 1)).as("η_%d", k + 1).isEqualTo(0.05 * s[k]);
        }
        assertThat(Schedules.tabulate(spec.runs().get(1).schedule().instance(), steps)).isEmpty();
    }

    @Test
    void runDependentDefaultsFollowTheRunsLrAndSteps() {
        assertThat(create("step", Map.of())).isEqualTo(new StepDecay(333, 0.1));
        assertThat(create("exponential", Map.of())).isEqualTo(new Exponential(0.99));
        assertThat(create("inverse-time", Map.of())).isEqualTo(new InverseTime(0.01));
        assertThat(create("cosine", Map.of())).isEqualTo(new Cosine(1000, 0, 0.01));
        assertThat(create("warm-restarts", Map.of())).isEqualTo(new WarmRestarts(200, 1, 0, 0.01));
        assertThat(create("one-cycle", Map.of()))
                .isEqualTo(new OneCycle(0.01, 1000, 0.3, 25, 1e4, true, 0.85, 0.95, 0.01));
        assertThat(create("cyclic", Map.of())).isEqualTo(new Cyclic(0.01, 0.1, 100, 0.01));
        assertThat(create("plateau", Map.of())).isEqualTo(new Plateau(0.1, 10, 1e-4, 0, 0.01));
    }

    @Test
    void absoluteKeysAreConvertedWithTheRunsLr() {
        Schedule.Pure cosine = (Schedule.Pure) create("cosine", Map.of("eta_min", 0.002, "T_max", 10.0));
        assertThat(cosine.at(10)).isCloseTo(0.2, within(1e-15));
        Schedule.Pure cyclic = (Schedule.Pure) create("cyclic", Map.of());
        assertThat(cyclic.at(100)).isCloseTo(10, within(1e-12));
    }

    /** The runner applies the value at t − 1 to update t: one-cycle peaks on update pct_start · steps. */
    @Test
    void oneCycleInARunPeaksOnUpdatePctStartTimesStepsAndEndsAtTheFinalRate() {
        Race race = Race.run(RunFormat.parse(
                "surface=rosenbrock&start=-1.5,2&steps=100&run=sgd:lr=0.001,sched=one-cycle"));
        Trajectory t = race.trajectory(0);
        assertThat(t.size()).isEqualTo(101);
        assertThat(t.lrX(1)).isCloseTo(0.001 / 25, within(1e-15));
        assertThat(t.lrX(30)).isCloseTo(0.001, within(1e-15));
        assertThat(t.lrX(100)).isCloseTo(0.001 / 25 / 1e4, within(1e-18));
    }

    static Stream<Arguments> everyParam() {
        return Schedules.ALL.stream().flatMap(m -> m.params().stream().map(p -> Arguments.of(m.id(), p)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyParam")
    void everyParamBoundRejectsOutOfRangeValuesNamingTheKey(String id, Param p) {
        double below = p.minOpen() ? p.min() : p.min() - 1;
        assertThatThrownBy(() -> p.check(below)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(p.name() + " ").hasMessageContaining("accepted");
        assertThatThrownBy(() -> p.check(p.max() + 1)).hasMessageStartingWith(p.name() + " ");
        assertThatThrownBy(() -> p.check(Double.NaN)).hasMessageStartingWith(p.name() + " ");
        if (p.kind() != Param.Kind.REAL) {
            assertThatThrownBy(() -> p.check(p.min() + 0.5)).hasMessageStartingWith(p.name() + " ");
        }
        assertThat(p.check(p.max())).isEqualTo(p.max());
    }

    @Test
    void recordsCheckTheirParamsWhenBuiltDirectly() {
        assertRejected(() -> new StepDecay(0, 0.1), "step_size");
        assertRejected(() -> new StepDecay(3, 1.5), "gamma");
        assertRejected(() -> new Exponential(0), "gamma");
        assertRejected(() -> new InverseTime(-1), "decay");
        assertRejected(() -> new Cosine(0, 0, 1), "T_max");
        assertRejected(() -> new WarmRestarts(0, 1, 0, 1), "T_0");
        assertRejected(() -> new WarmRestarts(10, 0, 0, 1), "T_mult");
        assertRejected(() -> new OneCycle(0, 100, 0.3, 25, 1e4, true, 0.85, 0.95, 1), "max_lr");
        assertRejected(() -> new OneCycle(1, 0, 0.3, 25, 1e4, true, 0.85, 0.95, 1), "total_steps");
        assertRejected(() -> new OneCycle(1, 100, 1, 25, 1e4, true, 0.85, 0.95, 1), "pct_start");
        assertRejected(() -> new OneCycle(1, 100, 0, 25, 1e4, true, 0.85, 0.95, 1), "pct_start");
        assertRejected(() -> new OneCycle(1, 100, 0.3, 0.5, 1e4, true, 0.85, 0.95, 1), "div_factor");
        assertRejected(() -> new OneCycle(1, 100, 0.3, 25, 0, true, 0.85, 0.95, 1), "final_div_factor");
        assertRejected(() -> new OneCycle(1, 100, 0.3, 25, 1e4, true, -0.1, 0.95, 1), "base_momentum");
        assertRejected(() -> new OneCycle(1, 100, 0.3, 25, 1e4, true, 0.85, 1, 1), "max_momentum");
        assertRejected(() -> new Cyclic(0, 1, 5, 1), "base_lr");
        assertRejected(() -> new Cyclic(1, 101, 5, 1), "max_lr");
        assertRejected(() -> new Cyclic(1, 10, 0, 1), "step_size_up");
        assertRejected(() -> new Plateau(0, 10, 1e-4, 0, 1), "factor");
        assertRejected(() -> new Plateau(0.1, -1, 1e-4, 0, 1), "patience");
        assertRejected(() -> new Plateau(0.1, 10, 2, 0, 1), "threshold");
        assertRejected(() -> new Plateau(0.1, 10, 1e-4, -1, 1), "min_lr");
    }

    @Test
    void crossParameterRulesNameBothSides() {
        assertRejected(() -> create("cosine", Map.of("eta_min", 0.02)), "eta_min = 0.02 must not exceed lr = 0.01");
        assertRejected(() -> create("warm-restarts", Map.of("eta_min", 0.02)), "eta_min = 0.02 must not exceed lr");
        assertRejected(() -> create("plateau", Map.of("min_lr", 0.02)), "min_lr = 0.02 must not exceed lr");
        assertRejected(() -> create("cyclic", Map.of("base_lr", 0.1)), "base_lr = 0.1 must be below max_lr = 0.1");
        assertRejected(() -> create("one-cycle", Map.of("base_momentum", 0.96)),
                "base_momentum = 0.96 must not exceed max_momentum = 0.95");
    }

    @Test
    void schedulesWithAbsoluteKeysNeedTheRunsLr() {
        Method<Schedule> cosine = Schedules.byId("cosine").orElseThrow();
        assertRejected(() -> cosine.create(cosine.defaults(Param.Context.NONE)), "lr = NaN");
    }

    private static void assertRejected(org.assertj.core.api.ThrowableAssert.ThrowingCallable build, String message) {
        assertThatThrownBy(build).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(message);
    }
}
