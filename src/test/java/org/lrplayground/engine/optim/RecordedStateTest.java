package org.lrplayground.engine.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.lrplayground.engine.format.RunFormat;
import org.lrplayground.engine.run.Race;
import org.lrplayground.engine.run.RunConfig;
import org.lrplayground.engine.run.RunSpec;
import org.lrplayground.engine.run.Trajectory;

/**
 * The state a race records per step is the state of the plain reference implementation fed the same
 * points, gradients, losses and rates, step by step.
 */
class RecordedStateTest {

    @ParameterizedTest
    @ValueSource(strings = {"adam:lr=0.05", "momentum:lr=0.0005,momentum=0.9", "adagrad:lr=0.5",
            "rmsprop:lr=0.01,centered=true,momentum=0.5", "eve:lr=0.02", "nadam:lr=0.02"})
    void recordedStateIsTheReferencesStateAfterEachStep(String run) {
        RunSpec spec = RunFormat.parse("surface=rosenbrock&steps=60&noise=0.5&seed=7&run=sgd:lr=0.001&run=" + run);
        Race race = Race.run(spec, Set.of(1));
        Trajectory t = race.trajectory(1);
        RunConfig config = spec.runs().get(1);
        ReferenceOptimizers.Reference reference = ReferenceOptimizers.of(config.optimizer().method().id(),
                config.optimizer().values().byName(), 2);

        assertThat(race.trajectory(0).stateNames()).isEmpty();
        assertThat(t.size()).isEqualTo(61);
        // Before the first step the state is each implementation's own start (Eve's d: 1 here, 0 there).
        for (int step = 1; step < t.size(); step++) {
            reference.step(new ReferenceOptimizers.Input(step, t.eta(step), Double.NaN, t.loss(step - 1), race.fStar(),
                    new double[] {t.x(step - 1), t.y(step - 1)}, new double[] {t.gradX(step - 1), t.gradY(step - 1)}));
            assertState(reference.state(), t, step);
        }
    }

    private static void assertState(Map<String, double[]> expected, Trajectory t, int step) {
        List<String> names = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        expected.forEach((name, v) -> {
            for (int i = 0; i < v.length; i++) {
                names.add(v.length == 1 ? name : name + "_" + (i == 0 ? "x" : "y"));
                values.add(v[i]);
            }
        });
        assertThat(t.stateNames()).as("step %d", step).containsExactlyInAnyOrderElementsOf(names);
        for (int k = 0; k < names.size(); k++) {
            double actual = t.state(t.stateNames().indexOf(names.get(k)), step);
            ReferenceComparisonTest.assertClose("step " + step + ", " + names.get(k),
                    new double[] {values.get(k)}, new double[] {actual});
        }
    }

    @Test
    void aRaceRefusesToRecordTheStateOfARunItDoesNotHave() {
        RunSpec spec = RunFormat.parse("surface=booth&steps=5&run=adam");
        assertThatThrownBy(() -> new Race(spec, Set.of(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("run 1");
    }
}
