package org.lrplayground.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lrplayground.engine.format.RunFormat;
import org.lrplayground.engine.surface.Point;

class BatchTest {

    /** More starts than one lockstep block, and not a multiple of it, so that blocks end unevenly. */
    private static List<Point> starts(int n) {
        SplittableRandom random = new SplittableRandom(42);
        List<Point> starts = new ArrayList<>();
        starts.add(new Point(1, 1)); // the minimum: converges at step 0 unless there is noise
        while (starts.size() < n) {
            starts.add(new Point(random.nextDouble(-2, 2), random.nextDouble(-1, 3)));
        }
        return starts;
    }

    /** Bit-identity, which also holds for NaN (== on doubles would not). */
    private static long bits(double v) {
        return Double.doubleToRawLongBits(v);
    }

    private static Race alone(RunSpec spec, Point start) {
        return Race.run(new RunSpec(spec.surface(), spec.surfaceValues(), spec.box(), start, spec.steps(), spec.noise(),
                spec.seed(), spec.batch(), spec.runs()));
    }

    private static void assertSameAsRaces(String query, Batch batch, List<Point> starts) {
        RunSpec spec = RunFormat.parse(query);
        for (int i = 0; i < starts.size(); i++) {
            Race race = alone(spec, starts.get(i));
            Trajectory t = race.trajectory(0);
            int last = t.size() - 1;
            assertThat(batch.status(i)).as("start %d", i).isEqualTo(race.status(0));
            assertThat(batch.points(i)).as("start %d", i).isEqualTo(t.size());
            assertThat(bits(batch.x(i))).as("x of start %d", i).isEqualTo(bits(t.x(last)));
            assertThat(bits(batch.y(i))).as("y of start %d", i).isEqualTo(bits(t.y(last)));
            assertThat(bits(batch.loss(i))).as("loss of start %d", i).isEqualTo(bits(t.loss(last)));
        }
    }

    @Test
    void everyStartEndsBitIdenticalToItsOwnRace() {
        String query = "surface=rosenbrock&steps=400&noise=0.3&seed=5&run=adam:lr=0.02";
        List<Point> starts = starts(150);
        RunSpec spec = RunFormat.parse(query);

        Batch batch = Batch.run(spec, spec.runs().get(0), starts, false);

        assertThat(batch.size()).isEqualTo(150);
        assertSameAsRaces(query, batch, starts);
    }

    @Test
    void divergingRunsEndAsTheirRacesDo() {
        String query = "surface=rosenbrock&steps=300&run=sgd:lr=0.002";
        List<Point> starts = starts(100);
        RunSpec spec = RunFormat.parse(query);

        Batch batch = Batch.run(spec, spec.runs().get(0), starts, false);

        long diverged = java.util.stream.IntStream.range(0, batch.size())
                .filter(i -> batch.status(i).kind() == RunStatus.Kind.DIVERGED).count();
        assertThat(diverged).isBetween(1L, 99L); // both kinds of ending are covered
        assertSameAsRaces(query, batch, starts);
    }

    @Test
    void keptTrajectoriesAndParallelRunsMatchTheRacesPointForPoint() {
        String query = "surface=rosenbrock&steps=200&run=adam:lr=0.05";
        List<Point> starts = starts(70);
        RunSpec spec = RunFormat.parse(query);

        Batch batch = Batch.runParallel(spec, spec.runs().get(0), starts, true);

        assertSameAsRaces(query, batch, starts);
        for (int i = 0; i < starts.size(); i++) {
            Trajectory expected = alone(spec, starts.get(i)).trajectory(0);
            Trajectory actual = batch.trajectory(i);
            assertThat(actual.size()).isEqualTo(expected.size());
            for (int t = 0; t < expected.size(); t++) {
                assertThat(bits(actual.x(t))).isEqualTo(bits(expected.x(t)));
                assertThat(bits(actual.y(t))).isEqualTo(bits(expected.y(t)));
                assertThat(bits(actual.loss(t))).isEqualTo(bits(expected.loss(t)));
                assertThat(bits(actual.lrX(t))).isEqualTo(bits(expected.lrX(t)));
            }
        }
    }

    @Test
    void countsTheStepsAllRunsDid() {
        RunSpec spec = RunFormat.parse("surface=rosenbrock&steps=50&run=adam:lr=0.001");

        Batch batch = Batch.run(spec, spec.runs().get(0), List.of(new Point(1, 1), new Point(-1, 2), new Point(0, 0)), false);

        assertThat(batch.status(0).kind()).isEqualTo(RunStatus.Kind.CONVERGED);
        assertThat(batch.totalSteps()).isEqualTo(0 + 50 + 50);
    }

    @Test
    void trajectoriesAreOnlyThereWhenAskedFor() {
        RunSpec spec = RunFormat.parse("surface=rosenbrock&steps=10&run=adam");

        Batch batch = Batch.run(spec, spec.runs().get(0), List.of(new Point(0, 0)), false);

        assertThatThrownBy(() -> batch.trajectory(0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("keepTrajectories");
        assertThatThrownBy(() -> Batch.run(spec, spec.runs().get(0), List.of(), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one start");
    }

    @Test
    void theStartsReplaceARunsOwnStartOnBothPaths() {
        for (String query : List.of("surface=himmelblau&steps=50&run=adam:lr=0.05,x0=1,y0=1",
                "surface=himmelblau&steps=50&noise=0.1&run=adam:lr=0.05,x0=1,y0=1")) {
            RunSpec spec = RunFormat.parse(query);

            Batch batch = Batch.run(spec, spec.runs().get(0), List.of(new Point(-4, 4), new Point(4, -4)), false);

            assertThat(batch.x(0)).as(query).isNegative();
            assertThat(batch.x(1)).as(query).isPositive();
        }
    }

    @Test
    void theTailMeanIsTheSameOnBothPathsAndMissingWithoutATail() {
        // A plateau schedule whose patience outlasts the run never cuts the rate, but it reads the
        // loss, so its batch takes the per-start path; the constant one steps in lockstep.
        RunSpec lockstep = RunFormat.parse("surface=rosenbrock&steps=400&run=momentum:lr=0.002");
        RunSpec lanes = RunFormat.parse("surface=rosenbrock&steps=400&run=momentum:lr=0.002,sched=plateau,patience=1000000");
        assertThat(Batch.structureOfArrays(lockstep, lockstep.runs().get(0), false)).isTrue();
        assertThat(Batch.structureOfArrays(lanes, lanes.runs().get(0), false)).isFalse();
        List<Point> starts = starts(600);

        Batch a = Batch.runWithTail(lockstep, lockstep.runs().get(0), starts, 40);
        Batch b = Batch.runWithTail(lanes, lanes.runs().get(0), starts, 40);

        boolean converged = false;
        for (int i = 0; i < starts.size(); i++) {
            assertThat(bits(a.tailMean(i))).as("start %d", i).isEqualTo(bits(b.tailMean(i)));
            assertThat(a.status(i)).isEqualTo(b.status(i));
            converged |= a.status(i).kind() == RunStatus.Kind.CONVERGED;
        }
        assertThat(converged).as("the start at the minimum converges at step 0").isTrue();
        assertThat(a.tailMean(0)).isZero();
        assertThatThrownBy(() -> Batch.run(lockstep, lockstep.runs().get(0), starts, false).tailMean(0))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("runWithTail");
        assertThatThrownBy(() -> Batch.runWithTail(lockstep, lockstep.runs().get(0), starts, 401))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 400");
    }
}
