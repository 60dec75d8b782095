package org.lrplayground.race;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lrplayground.engine.format.RunFormat;
import org.lrplayground.engine.run.Race;
import org.lrplayground.engine.run.RunSpec;
import org.lrplayground.engine.run.RunStatus;
import org.lrplayground.engine.run.Trajectory;

class RaceStreamTest {

    private static final RunSpec SPEC = RunFormat.parse("surface=rosenbrock&start=-1.5,2&steps=3000&noise=0.2&seed=4"
            + "&run=adam:lr=0.05&run=sgd:lr=1&run=rmsprop:lr=0.01,sched=cosine");

    /** Everything a cursor was given, per run, joined up; fails on a gap or a repeat. */
    private static final class Watcher {
        final RaceStream.Cursor cursor;
        final List<List<double[]>> points = new ArrayList<>();
        final List<RunStatus> statuses = new ArrayList<>();

        Watcher(RaceStream.Cursor cursor) {
            this.cursor = cursor;
        }

        void take(Frame frame) {
            for (int r = 0; r < frame.runs().size(); r++) {
                if (points.size() <= r) {
                    points.add(new ArrayList<>());
                    statuses.add(RunStatus.RUNNING);
                }
                Trajectory.Slice s = frame.runs().get(r).points();
                assertThat(s.first()).as("run %d continues where it stopped", r).isEqualTo(points.get(r).size());
                for (int i = 0; i < s.size(); i++) {
                    points.get(r).add(new double[] {s.x()[i], s.y()[i], s.loss()[i], s.eta()[i]});
                }
                statuses.set(r, frame.runs().get(r).status());
            }
        }
    }

    @Test
    void threeCursorsOneLateAndOneLeavingEarlyGetIdenticalDataAndEveryStepIsComputedOnce() {
        RaceStream stream = new RaceStream(SPEC);
        Watcher early = new Watcher(stream.open());
        Watcher leaving = new Watcher(stream.open());

        for (int step = 0; step <= 1200; step += 8) {
            early.take(early.cursor.next(step));
            leaving.take(leaving.cursor.next(step / 2));
        }
        assertThat(stream.computed()).isEqualTo(1200);
        leaving.cursor.close();
        assertThat(leaving.cursor.next(3000).empty()).as("a closed cursor gets nothing").isTrue();

        Watcher late = new Watcher(stream.open());
        Frame first = late.cursor.next(1000);
        late.take(first);
        assertThat(first.runs().get(0).points().size()).as("a late cursor gets everything so far at once").isEqualTo(1001);
        assertThat(stream.computed()).as("nothing recomputed for the late cursor").isEqualTo(1200);

        early.take(early.cursor.rest());
        late.take(late.cursor.rest());
        assertThat(stream.computed()).isEqualTo(3000);
        assertThat(early.cursor.atEnd()).isTrue();
        assertThat(stream.cursors()).isEqualTo(2);

        Race alone = Race.run(SPEC);
        for (int r = 0; r < SPEC.runs().size(); r++) {
            Trajectory t = alone.trajectory(r);
            assertThat(early.points.get(r)).hasSize(t.size());
            assertThat(late.points.get(r)).hasSize(t.size());
            for (int i = 0; i < t.size(); i++) {
                assertThat(late.points.get(r).get(i)).containsExactly(early.points.get(r).get(i));
                assertThat(early.points.get(r).get(i)[0]).isEqualTo(t.x(i));
                assertThat(early.points.get(r).get(i)[2]).isEqualTo(t.loss(i));
            }
            int shared = leaving.points.get(r).size();
            for (int i = 0; i < shared; i++) {
                assertThat(leaving.points.get(r).get(i)).containsExactly(early.points.get(r).get(i));
            }
            assertThat(early.statuses.get(r)).isEqualTo(alone.status(r));
            assertThat(late.statuses.get(r)).isEqualTo(alone.status(r));
        }
        assertThat(alone.status(1).kind()).isEqualTo(RunStatus.Kind.DIVERGED);
    }

    @Test
    void aRunIsReportedEndedOnlyOnceTheCursorHasReachedItsEnd() {
        RaceStream stream = new RaceStream(RunFormat.parse("surface=rosenbrock&steps=50&run=sgd:lr=1&run=adam:lr=0.05"));
        RaceStream.Cursor ahead = stream.open();
        RaceStream.Cursor behind = stream.open();
        ahead.rest();

        Frame start = behind.next(0);

        assertThat(start.runs().get(0).status()).isEqualTo(RunStatus.RUNNING);
        assertThat(start.finished()).isFalse();
        Frame rest = behind.rest();
        assertThat(rest.runs().get(0).status().kind()).isEqualTo(RunStatus.Kind.DIVERGED);
        assertThat(rest.finished()).isTrue();
        assertThat(behind.atEnd()).isTrue();
    }

    @Test
    void anEndOnAStepWithoutAPointIsAFrameOfItsOwnAndTheCursorIsAtTheEndOnlyOnceItWasTold() {
        RaceStream stream = new RaceStream(RunFormat.parse("surface=rosenbrock&run=sgd:lr=10"));
        RaceStream.Cursor cursor = stream.open();
        cursor.next(1);
        assertThat(cursor.atEnd()).isFalse();

        Frame end = cursor.next(5);

        assertThat(end.runs().getFirst().points().size()).as("the diverging step 2 has no point").isZero();
        assertThat(end.runs().getFirst().status().kind()).isEqualTo(RunStatus.Kind.DIVERGED);
        assertThat(end.empty()).as("an end is news, to be delivered").isFalse();
        assertThat(end.finished()).isTrue();
        assertThat(cursor.atEnd()).isTrue();
    }

    @Test
    void aRunUndefinedAtItsStartEndsInTheFirstFrame() {
        RaceStream stream = new RaceStream(RunFormat.parse("surface=custom&f=sqrt(-1-x%5E2)&run=sgd"));
        RaceStream.Cursor cursor = stream.open();

        Frame start = cursor.next(0);

        assertThat(start.empty()).isFalse();
        assertThat(start.runs().getFirst().status().cause()).isEqualTo(RunStatus.Cause.UNDEFINED_AT_START);
        assertThat(cursor.atEnd()).isTrue();
    }
}
