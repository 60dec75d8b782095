package org.lrplayground.race;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lrplayground.app.Budgets;
import org.lrplayground.engine.format.RunFormat;
import org.lrplayground.engine.run.Race;
import org.lrplayground.engine.run.RunSpec;
import org.lrplayground.engine.run.Trajectory;

class RunServiceTest {

    @Test
    void runningOneRunAtATimeGivesWhatTheWholeRaceGives() throws Exception {
        RunSpec spec = RunFormat.parse("steps=300&noise=0.7&seed=11&run=adam:lr=0.03&run=sgd:lr=0.001"
                + "&run=adam:lr=0.1,sched=cosine&run=sgd:lr=1");
        Race whole = Race.run(spec);
        List<RunService.FinishedRun> finished = new ArrayList<>();

        new RunService(Budgets.standard()).runEach(spec, java.util.Set.of(), finished::add);

        assertThat(finished).extracting(RunService.FinishedRun::index).containsExactly(0, 1, 2, 3);
        for (RunService.FinishedRun run : finished) {
            int i = run.index();
            Trajectory a = whole.trajectory(i);
            Trajectory b = run.trajectory();
            assertThat(run.config()).isEqualTo(spec.runs().get(i));
            assertThat(run.status()).isEqualTo(whole.status(i));
            assertThat(run.distanceToMinimum()).isEqualTo(whole.distanceToNearestMinimum(i));
            assertThat(b.size()).isEqualTo(a.size());
            for (int t = 0; t < a.size(); t++) {
                assertThat(b.x(t)).isEqualTo(a.x(t));
                assertThat(b.y(t)).isEqualTo(a.y(t));
                assertThat((Double) b.lrX(t)).isEqualTo((Double) a.lrX(t)); // boxed: NaN at t = 0 equals NaN
            }
            assertThat(run.finalLoss()).isEqualTo(a.loss(a.size() - 1));
        }
    }
}
