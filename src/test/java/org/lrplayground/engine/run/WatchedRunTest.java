package org.lrplayground.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lrplayground.engine.format.RunFormat;
import org.lrplayground.engine.schedule.Schedule;

class WatchedRunTest {

    @Test
    void aWatchedRunAtTheRunsOwnRatesSeesExactlyTheRacesPoints() {
        RunSpec spec = RunFormat.parse("surface=rosenbrock&steps=200&noise=0.3&seed=11&run=adam:lr=0.02,sched=cosine,T_max=200");
        RunConfig run = spec.runs().get(0);
        Trajectory race = Race.run(spec).trajectory(0);
        Schedule.Pure cosine = (Schedule.Pure) run.schedule().instance();
        List<Double> losses = new ArrayList<>();
        List<Double> etas = new ArrayList<>();

        RunStatus end = WatchedRun.run(spec, spec.start(), run.optimizer().instance(), t -> 0.02 * cosine.at(t), 200,
                Race.run(spec).fStar(), (t, eta, loss) -> {
                    etas.add(eta);
                    losses.add(loss);
                    return false;
                });

        assertThat(end.kind()).isEqualTo(RunStatus.Kind.MAX_STEPS);
        for (int t = 1; t < race.size(); t++) {
            assertThat(losses.get(t - 1)).as("loss %d", t).isEqualTo(race.loss(t));
            assertThat(etas.get(t - 1)).as("η %d", t).isEqualTo(race.eta(t));
        }
    }

    @Test
    void aWatchedRunGoesOnPastConvergenceUntilTheWatcherStopsIt() {
        RunSpec spec = RunFormat.parse("surface=booth&steps=500&run=sgd:lr=0.1");
        assertThat(Race.run(spec).status(0).kind()).isEqualTo(RunStatus.Kind.CONVERGED);

        RunStatus end = WatchedRun.run(spec, spec.start(), spec.runs().get(0).optimizer().instance(), t -> 0.1, 10_000,
                0, (t, eta, loss) -> t == 5_000);

        assertThat(end.kind()).isEqualTo(RunStatus.Kind.STOPPED);
        assertThat(end.step()).isEqualTo(5_000);
    }
}
