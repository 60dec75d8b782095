package org.lrplayground.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.lrplayground.app.Budgets;
import org.lrplayground.engine.finder.LrCurve;
import org.lrplayground.engine.finder.LrFinder;
import org.lrplayground.engine.format.RunFormat;
import org.lrplayground.engine.run.RunSpec;

class LrFinderServiceTest {

    private final LrFinderService service = new LrFinderService(Budgets.standard());

    private static void assertSameCurve(LrCurve actual, LrCurve expected) {
        assertThat(actual.lrs()).containsExactly(expected.lrs());
        assertThat(actual.losses()).containsExactly(expected.losses());
        assertThat(actual.smoothed()).containsExactly(expected.smoothed());
        assertThat(actual.stop()).isEqualTo(expected.stop());
        assertThat(actual.reason()).isEqualTo(expected.reason());
        assertThat(actual.steep()).isEqualTo(expected.steep());
        assertThat(actual.minimum()).isEqualTo(expected.minimum());
    }

    @Test
    void onRosenbrockAdamTheSweepIsTheFindersOwnWithBothSuggestions() {
        RunSpec spec = RunFormat.parse("surface=rosenbrock&start=-1.5,2&run=sgd:lr=0.001&run=adam:lr=0.05");

        LrFinderService.Sweep sweep = service.find(spec, 1);

        assertSameCurve(sweep.curve(), LrFinder.DEFAULT.find(spec, spec.start(), spec.runs().get(1).optimizer().instance()));
        assertThat(sweep.curve().steep().lr()).isPresent();
        assertThat(sweep.curve().minimum().lr()).isPresent();
        assertThat(sweep.fStar()).isZero();
        assertThat(sweep.finder()).isEqualTo(LrFinder.DEFAULT);
    }

    @Test
    void theRunsHyperparametersAreKeptAndOnlyItsLrIsSwept() {
        RunSpec spec = RunFormat.parse("surface=rosenbrock&run=adam:lr=0.05&run=adam:lr=0.001,beta1=0.5,beta2=0.9"
                + "&run=adam:lr=0.001");

        LrCurve defaults = service.find(spec, 0).curve();
        LrCurve betas = service.find(spec, 1).curve();

        assertSameCurve(service.find(spec, 2).curve(), defaults);
        assertSameCurve(betas, LrFinder.DEFAULT.find(spec, spec.start(), spec.runs().get(1).optimizer().instance()));
        assertThat(betas.losses()).isNotEqualTo(defaults.losses());
    }

    @Test
    void theSpecsNoiseAndSeedReachTheSweep() {
        String query = "surface=rosenbrock&noise=1&run=adam";

        LrCurve one = service.find(RunFormat.parse(query + "&seed=1"), 0).curve();
        LrCurve two = service.find(RunFormat.parse(query + "&seed=2"), 0).curve();

        assertSameCurve(service.find(RunFormat.parse(query + "&seed=1"), 0).curve(), one);
        assertThat(one.losses()).isNotEqualTo(two.losses());
    }

    @Test
    void aRunTheSpecDoesNotHaveIsRefusedWithTheRunsItHas() {
        RunSpec spec = RunFormat.parse("surface=rosenbrock&run=adam&run=sgd");

        assertThatThrownBy(() -> service.find(spec, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("run = 2 is not accepted: the spec's runs are numbered 0 to 1");
        assertThatThrownBy(() -> service.find(spec, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
