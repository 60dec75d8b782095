package org.lrplayground.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.lrplayground.engine.format.RunFormat;
import org.junit.jupiter.api.Test;

class RaceTest {

    @Test
    void sgdWithLrOneDivergesOnRosenbrockWithoutRecordingNonFiniteValues() {
        Race race = Race.run(RunFormat.parse("surface=rosenbrock&start=-1.5,2&steps=500&run=sgd:lr=1"));

        RunStatus status = race.status(0);
        Trajectory t = race.trajectory(0);
        assertThat(status.kind()).isEqualTo(RunStatus.Kind.DIVERGED);
        assertThat(t.size()).isEqualTo(status.step());
        for (int i = 0; i < t.size(); i++) {
            assertThat(java.util.stream.DoubleStream.of(t.x(i), t.y(i), t.loss(i), t.gradX(i), t.gradY(i)).allMatch(Double::isFinite)).isTrue();
        }
        assertThat(status.reason()).contains("diverged at step " + status.step()).contains("ten times smaller");
    }

    @Test
    void adamRunsEveryStepAndRecordsOnePointPerStep() {
        Race race = Race.run(RunFormat.parse("surface=rosenbrock&start=-1.5,2&steps=500&run=adam:lr=0.05"));

        assertThat(race.status(0).kind()).isEqualTo(RunStatus.Kind.MAX_STEPS);
        assertThat(race.trajectory(0).size()).isEqualTo(501);
        assertThat(race.trajectory(0).lrX(0)).isNaN();
        assertThat(race.distanceToNearestMinimum(0)).isLessThan(1.0); // it starts 2.7 away
    }

    @Test
    void advancingInChunksGivesTheSameTrajectoryAsRunningAtOnce() {
        String query = "surface=rosenbrock&steps=300&noise=0.5&seed=7&run=adam:lr=0.02&run=sgd:lr=0.001";
        Race whole = Race.run(RunFormat.parse(query));
        Race chunked = new Race(RunFormat.parse(query));
        while (chunked.advance(17)) {
            // advance until every run has finished
        }
        for (int r = 0; r < 2; r++) {
            Trajectory a = whole.trajectory(r);
            Trajectory b = chunked.trajectory(r);
            assertThat(b.size()).isEqualTo(a.size());
            for (int i = 0; i < a.size(); i++) {
                assertThat(b.x(i)).isEqualTo(a.x(i));
                assertThat(b.y(i)).isEqualTo(a.y(i));
            }
        }
    }

    @Test
    void aRunWithAStartOfItsOwnStartsThereAndTheOthersAtTheSpecsStart() {
        Race race = Race.run(RunFormat.parse("surface=himmelblau&start=1,1&steps=5&run=sgd:lr=0.01"
                + "&run=sgd:lr=0.01,x0=-1,y0=-1.5&run=adam"));

        assertThat(race.trajectory(0).x(0)).isEqualTo(1);
        assertThat(race.trajectory(0).y(0)).isEqualTo(1);
        assertThat(race.trajectory(1).x(0)).isEqualTo(-1);
        assertThat(race.trajectory(1).y(0)).isEqualTo(-1.5);
        assertThat(race.trajectory(2).x(0)).isEqualTo(1);
        // The same as a race of that run alone from the same start.
        Race alone = Race.run(RunFormat.parse("surface=himmelblau&start=-1,-1.5&steps=5&run=sgd:lr=0.01"));
        assertThat(race.trajectory(1).x(5)).isEqualTo(alone.trajectory(0).x(5));
        assertThat(race.trajectory(1).y(5)).isEqualTo(alone.trajectory(0).y(5));
        assertThat(race.spec().runs().get(1).label()).isEqualTo("SGD lr=0.01 from (-1, -1.5)");
    }

    @Test
    void aStartWhereTheSurfaceIsUndefinedAsksForAnotherStartNotASmallerRate() {
        Race race = Race.run(RunFormat.parse("surface=custom&f=log(x)%2By^2&start=-1,1&run=sgd"));

        assertThat(race.status(0).kind()).isEqualTo(RunStatus.Kind.DIVERGED);
        assertThat(race.status(0).step()).isZero();
        assertThat(race.trajectory(0).size()).isZero();
        assertThat(race.status(0).reason()).contains("undefined at (-1, 1)").contains("another start")
                .doesNotContain("ten times smaller");
    }
}
