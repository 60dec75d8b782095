package org.lrplayground.engine.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lrplayground.engine.explain.Explanation;
import org.lrplayground.engine.explain.Explanation.Equation;
import org.lrplayground.engine.explain.Explanation.Role;
import org.lrplayground.engine.explain.StepEquations;
import org.lrplayground.engine.format.RunFormat;
import org.lrplayground.engine.param.Numbers;
import org.lrplayground.engine.run.Race;
import org.lrplayground.engine.run.RunConfig;
import org.lrplayground.engine.run.RunSpec;
import org.lrplayground.engine.run.Trajectory;

/**
 * "Explain this step": the numbers of every optimizer's equations, evaluated on a recorded update,
 * are the engine's own (its recorded state, rate and θ_t) and those of the plain reference
 * implementation fed the same inputs, at every step of a noisy run.
 */
class StepEquationsTest {

    /** Every method, and each switch that changes its equations. */
    private static final String[] RUNS = {"sgd:lr=0.001", "sgd:lr=0.002,sched=cosine,T_max=30",
            "momentum:lr=0.0005", "momentum:lr=0.0005,momentum=0.5,dampening=0.3,weight_decay=0.1",
            "nesterov:lr=0.0005", "ewma-momentum:lr=0.002", "adagrad:lr=0.5",
            "adagrad:lr=0.5,lr_decay=0.1,initial_accumulator_value=0.1,weight_decay=0.01", "rmsprop:lr=0.01",
            "rmsprop:lr=0.01,centered=true,momentum=0.5", "adadelta", "adadelta:weight_decay=0.1", "adam:lr=0.05",
            "adam:lr=0.05,bias_correction=false,weight_decay=0.1", "amsgrad:lr=0.05", "adamw:lr=0.05",
            "adam:lr=0.05,sched=one-cycle,total_steps=30", "adamax:lr=0.02", "nadam:lr=0.02", "eve:lr=0.02",
            "polyak:lr=0.5", "hypergradient:lr=0.001,hyper_lr=1e-9"};

    private static final String SCENE = "surface=rosenbrock&start=-1.5,2&steps=30&noise=0.5&seed=7&run=";

    static String[] runs() {
        return RUNS;
    }

    @Test
    void theCasesCoverEveryOptimizer() {
        Set<String> covered = java.util.Arrays.stream(RUNS).map(r -> r.split(":")[0]).collect(Collectors.toSet());
        assertThat(covered).containsAll(Optimizers.ALL.stream().map(m -> m.id()).toList());
    }

    @ParameterizedTest
    @MethodSource("runs")
    void everyNumberIsTheEnginesAndTheReferencesAtEveryStep(String run) {
        RunSpec spec = RunFormat.parse(SCENE + run);
        Race race = Race.run(spec, Set.of(0));
        Trajectory tr = race.trajectory(0);
        RunConfig config = spec.runs().get(0);
        ReferenceOptimizers.Reference reference = ReferenceOptimizers.of(config.optimizer().method().id(),
                config.optimizer().values().byName(), 2);
        assertThat(tr.size()).as("a run of all 30 steps").isEqualTo(31);

        for (int t = 1; t < tr.size(); t++) {
            double momentum = config.schedule().instance().momentum(t - 1);
            double[] theta = {tr.x(t - 1), tr.y(t - 1)};
            reference.step(new ReferenceOptimizers.Input(t, tr.eta(t), momentum, tr.loss(t - 1), race.fStar(), theta,
                    new double[] {tr.gradX(t - 1), tr.gradY(t - 1)}));
            Explanation e = StepEquations.explain(config, tr, t, race.fStar());
            String at = run + ", step " + t;

            assertThat(e.t()).isEqualTo(t);
            Map<String, double[]> engine = tr.stateAt(t);
            Map<String, double[]> expected = reference.state();
            List<Equation> state = e.equations().stream().filter(q -> q.quantity() != null).toList();
            // Every quantity the optimizer keeps has its equation, except RMSProp's B without momentum.
            assertThat(state.stream().map(Equation::quantity).toList()).as(at)
                    .containsExactlyInAnyOrderElementsOf(expected.keySet().stream()
                            .filter(q -> !(q.equals("B") && config.optimizer().values().byName().get("momentum") == 0))
                            .toList());
            for (Equation q : state) {
                ReferenceComparisonTest.assertClose(at + ", " + q.symbol() + " against the engine", engine.get(q.quantity()),
                        values(q, engine.get(q.quantity()).length));
                ReferenceComparisonTest.assertClose(at + ", " + q.symbol() + " against the reference",
                        expected.get(q.quantity()), values(q, expected.get(q.quantity()).length));
            }
            Equation lr = e.withRole(Role.RATE).getFirst();
            ReferenceComparisonTest.assertClose(at + ", lr against the engine", new double[] {tr.lrX(t), tr.lrY(t)}, values(lr, 2));
            ReferenceComparisonTest.assertClose(at + ", lr against the reference", reference.lr, values(lr, 2));
            ReferenceComparisonTest.assertClose(at + ", Δθ against the reference",
                    new double[] {-reference.update[0], -reference.update[1]}, values(e.equation("Δθ"), 2));
            ReferenceComparisonTest.assertClose(at + ", θₜ against the engine", new double[] {tr.x(t), tr.y(t)},
                    values(e.equation("θₜ"), 2));
            assertThat(e.equations()).as(at).allSatisfy(q -> assertThat(q.values())
                    .allSatisfy(v -> assertThat(v.result()).isFinite()));
        }
    }

    private static double[] values(Equation q, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = q.value(i);
        }
        return out;
    }

    /** Adam at step 3 of a known run, by hand from the recorded gradients: m, v, m̂, v̂, lr and Δθ. */
    @Test
    void adamsThirdStepIsWhatAHandWrittenAdamGives() {
        RunSpec spec = RunFormat.parse("surface=rosenbrock&start=-1.5,2&steps=10&run=adam:lr=0.05");
        Race race = Race.run(spec, Set.of(0));
        Trajectory tr = race.trajectory(0);
        Explanation e = StepEquations.explain(spec.runs().get(0), tr, 3, race.fStar());

        double[][] g = {{tr.gradX(0), tr.gradY(0)}, {tr.gradX(1), tr.gradY(1)}, {tr.gradX(2), tr.gradY(2)}};
        for (int i = 0; i < 2; i++) {
            double m = 0, v = 0;
            for (double[] step : g) {
                m = 0.9 * m + 0.1 * step[i];
                v = 0.999 * v + 0.001 * step[i] * step[i];
            }
            double mHat = m / (1 - 0.9 * 0.9 * 0.9);
            double vHat = v / (1 - 0.999 * 0.999 * 0.999);
            double lr = 0.05 / (Math.sqrt(vHat) + 1e-8);
            assertThat(e.equation("mₜ").value(i)).isCloseTo(m, org.assertj.core.data.Percentage.withPercentage(1e-10));
            assertThat(e.equation("vₜ").value(i)).isCloseTo(v, org.assertj.core.data.Percentage.withPercentage(1e-10));
            assertThat(e.equation("m̂").value(i)).isCloseTo(mHat, org.assertj.core.data.Percentage.withPercentage(1e-10));
            assertThat(e.equation("v̂").value(i)).isCloseTo(vHat, org.assertj.core.data.Percentage.withPercentage(1e-10));
            assertThat(e.equation("lr").value(i)).isCloseTo(lr, org.assertj.core.data.Percentage.withPercentage(1e-10));
            assertThat(e.equation("Δθ").value(i)).isCloseTo(-lr * mHat, org.assertj.core.data.Percentage.withPercentage(1e-10));
        }
        // As formula auditing shows a cell: the symbols, then the step's numbers, then the result.
        Equation m = e.equation("mₜ");
        assertThat(m.formula()).isEqualTo("β₁·mₜ₋₁ + (1 − β₁)·g");
        double mBefore = tr.stateAt(2).get("m")[0];
        assertThat(m.values().getFirst().numbers()).isEqualTo("0.9·" + paren(mBefore) + " + 0.1·" + paren(e.equation("g").value(0)));
        assertThat(e.equation("m̂").formula()).isEqualTo("mₜ / (1 − β₁^t)");
        assertThat(e.equation("m̂").values().getFirst().numbers()).isEqualTo(paren(m.value(0)) + " / (1 − 0.9^3)");
        assertThat(e.equation("lr").formula()).isEqualTo("ηₜ / (√v̂ + ε)");
        assertThat(e.equations().stream().map(Equation::symbol))
                .containsExactly("ηₜ", "g", "mₜ", "vₜ", "m̂", "v̂", "lr", "Δθ", "θₜ");
    }

    private static String paren(double v) {
        String s = Numbers.readable(v);
        return s.startsWith("-") ? "(" + s + ")" : s;
    }

    @Test
    void eveSaysWhichWayTheLossWent() {
        RunSpec spec = RunFormat.parse("surface=rosenbrock&start=-1.5,2&steps=10&run=eve:lr=0.02");
        Race race = Race.run(spec, Set.of(0));
        Explanation first = StepEquations.explain(spec.runs().get(0), race.trajectory(0), 1, race.fStar());
        Explanation later = StepEquations.explain(spec.runs().get(0), race.trajectory(0), 4, race.fStar());

        assertThat(first.notes()).isEmpty();
        assertThat(first.equation("dₜ").value(0)).isEqualTo(1);
        assertThat(later.notes()).singleElement().asString().containsAnyOf("the loss rose", "the loss fell");
        assertThat(later.equation("c").formula()).isEqualTo("min(max(δ, fₜ / f̂ₜ₋₁), Δ)");
    }

    @Test
    void aStepTheRunDidNotMakeOrAStateNotRecordedIsRefusedByName() {
        RunSpec spec = RunFormat.parse("surface=rosenbrock&steps=5&run=adam:lr=0.05");
        Race withState = Race.run(spec, Set.of(0));
        Race without = Race.run(spec);

        assertThatThrownBy(() -> StepEquations.explain(spec.runs().get(0), withState.trajectory(0), 6, 0))
                .hasMessage("step 6 is not an update of this run: it has steps 1 to 5");
        assertThatThrownBy(() -> StepEquations.explain(spec.runs().get(0), without.trajectory(0), 2, 0))
                .hasMessageContaining("has no m").hasMessageContaining("record the run's state");
    }
}
