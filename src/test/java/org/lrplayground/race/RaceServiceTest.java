package org.lrplayground.race;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lrplayground.engine.format.RunFormat;
import org.lrplayground.engine.run.Race;
import org.lrplayground.engine.run.RunSpec;
import org.lrplayground.engine.run.RunStatus;
import org.lrplayground.engine.run.Trajectory;
import org.lrplayground.engine.schedule.Schedule;
import org.lrplayground.playground.Await;

class RaceServiceTest {

    private static final String QUERY = "surface=rosenbrock&start=-1.5,2&steps=400&noise=0.3&seed=5"
            + "&run=adam:lr=0.05,sched=cosine&run=sgd:lr=1";

    private final RaceService service = new RaceService(2, 1L << 30);
    private final List<Frame> frames = new CopyOnWriteArrayList<>();

    @AfterEach
    void shutDown() {
        service.destroy();
    }

    @Test
    void instantSpeedDeliversTheWholeRaceInOneFrameEqualToRunningItDirectly() {
        RunSpec spec = RunFormat.parse(QUERY);
        RaceService.Playback playback = service.watch(spec, frames::add);

        playback.play(RaceService.INSTANT);
        Await.until("the race has finished", () -> !frames.isEmpty() && frames.getLast().finished());

        Race expected = Race.run(spec);
        assertThat(frames).hasSize(1);
        for (int r = 0; r < expected.size(); r++) {
            Frame.Run run = frames.get(0).runs().get(r);
            assertThat(run.points().first()).isZero();
            assertSame(run.points(), expected.trajectory(r));
            assertThat(run.status()).isEqualTo(expected.status(r));
        }
        assertThat(frames.get(0).runs().get(1).status().kind()).isEqualTo(RunStatus.Kind.DIVERGED);
    }

    @Test
    void pacedFramesJoinUpToTheSameTrajectoriesWithoutGapsOrRepeats() {
        RunSpec spec = RunFormat.parse(QUERY);
        RaceService.Playback playback = service.watch(spec, frames::add);

        playback.seek(0);
        playback.play(5_000);
        Await.until("the race has finished", () -> !frames.isEmpty() && frames.getLast().finished());

        Race expected = Race.run(spec);
        assertThat(frames.size()).isGreaterThan(2);
        for (int r = 0; r < expected.size(); r++) {
            int next = 0;
            for (Frame f : frames) {
                Trajectory.Slice s = f.runs().get(r).points();
                assertThat(s.first()).isEqualTo(next);
                for (int i = 0; i < s.size(); i++) {
                    assertThat(s.x()[i]).isEqualTo(expected.trajectory(r).x(next + i));
                    assertThat(s.loss()[i]).isEqualTo(expected.trajectory(r).loss(next + i));
                }
                next += s.size();
            }
            assertThat(next).isEqualTo(expected.trajectory(r).size());
        }
    }

    @Test
    void theScheduledRateOfEachPointIsLrTimesTheScheduleOfThePreviousStep() {
        RunSpec spec = RunFormat.parse("surface=rosenbrock&steps=100&run=adam:lr=0.05,sched=cosine,T_max=100");
        RaceService.Playback playback = service.watch(spec, frames::add);

        playback.play(RaceService.INSTANT);
        Await.until("the race has finished", () -> !frames.isEmpty() && frames.getLast().finished());

        double[] eta = frames.get(0).runs().get(0).points().eta();
        Schedule.Pure cosine = (Schedule.Pure) spec.runs().get(0).schedule().instance();
        assertThat(eta[0]).isNaN();
        for (int t = 1; t < eta.length; t++) {
            assertThat(eta[t]).isCloseTo(0.05 * cosine.at(t - 1), org.assertj.core.data.Offset.offset(1e-15));
        }
        assertThat(eta[100]).isLessThan(eta[1] / 100);
    }

    @Test
    void stepAdvancesEveryRunByOneAndDeliversOnTheCallersThread() {
        RaceService.Playback playback = service.watch(RunFormat.parse(QUERY), frames::add);

        playback.seek(0);
        playback.step();
        playback.step();

        assertThat(frames).hasSize(3);
        assertThat(frames.get(2).runs().get(0).points().first()).isEqualTo(2);
        assertThat(frames.get(2).runs().get(0).points().size()).isEqualTo(1);
        assertThat(service.runningTasks()).isZero();
    }

    @Test
    void watchersOfTheSameSceneShareOneStreamWhichGoesWithTheLastOfThemAndClosingStopsTheTask() {
        RunSpec slow = RunFormat.parse("surface=rosenbrock&steps=100000&run=adam:lr=0.001");
        RaceService.Playback first = service.watch(slow, frames::add);
        RaceService.Playback second = service.watch(RunFormat.parse(RunFormat.format(slow)), frames::add);
        RaceService.Playback other = service.watch(RunFormat.parse(QUERY), frames::add);
        assertThat(service.watching()).isEqualTo(3);
        assertThat(service.streams()).isEqualTo(2);

        first.play(1);
        Await.until("the first task runs", () -> service.runningTasks() == 1);
        first.close();
        Await.until("the first task has ended", () -> service.runningTasks() == 0);
        assertThat(service.streams()).isEqualTo(2);
        second.close();
        other.close();
        assertThat(service.streams()).isZero();
        assertThat(service.watching()).isZero();
    }

    @Test
    void aSpeedBelowOneStepPerSecondIsRejected() {
        RaceService.Playback playback = service.watch(RunFormat.parse(QUERY), frames::add);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> playback.play(0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1 step per second");
    }

    @Test
    void aRaceBeyondTheHeapBudgetIsRefusedWithWhatItNeedsAndTheRoomComesBackWhenItsWatchersLeave() {
        RunSpec big = RunFormat.parse("surface=rosenbrock&steps=100000&run=adam&run=sgd");
        long one = RaceService.bytes(big);
        assertThat(one).isEqualTo(100_001L * 2 * 8 * 8);
        RaceService small = new RaceService(2, one + one / 2);
        try {
            RaceService.Playback first = small.watch(big, frames::add);
            RaceService.Playback same = small.watch(big, frames::add); // shared: no more room needed

            RunSpec other = RunFormat.parse("surface=rosenbrock&steps=100000&seed=1&run=adam&run=sgd");
            assertThatThrownBy(() -> small.watch(other, frames::add))
                    .isInstanceOfSatisfying(RaceService.BusyException.class, e -> {
                        assertThat(e.neededBytes()).isEqualTo(one);
                        assertThat(e.freeBytes()).isEqualTo(one / 2);
                        assertThat(e.getMessage()).contains("this one needs 12 MB and 6 MB are free").contains("fewer steps");
                    });
            first.close();
            same.close();
            small.watch(other, frames::add).close();
            assertThat(small.streams()).isZero();
        } finally {
            small.destroy();
        }
    }

    @Test
    void aRaceDeliveredWholeToEveryWatcherGivesItsHeapBackAndALaterWatcherGetsTheSamePointsComputedAnew() {
        RunSpec spec = RunFormat.parse(QUERY);
        RaceService.Playback first = service.watch(spec, frames::add);
        RaceService.Playback second = service.watch(spec, frames::add);
        assertThat(service.heldBytes()).isEqualTo(RaceService.bytes(spec));

        first.finish();
        assertThat(service.heldBytes()).as("the second watcher has not had it all yet").isEqualTo(RaceService.bytes(spec));
        second.seek(100);
        second.finish();
        assertThat(service.heldBytes()).isZero();
        assertThat(first.finished()).isTrue();
        assertThat(second.finished()).isTrue();
        assertThat(second.position()).isEqualTo(first.position());

        List<Frame> again = new CopyOnWriteArrayList<>();
        RaceService.Playback late = service.watch(spec, again::add);
        assertThat(service.heldBytes()).isEqualTo(RaceService.bytes(spec));
        late.finish();
        Race expected = Race.run(spec);
        for (int r = 0; r < expected.size(); r++) {
            assertSame(again.get(0).runs().get(r).points(), expected.trajectory(r));
        }
        assertThat(service.watching()).isEqualTo(3);
        first.close();
        second.close();
        late.close();
        late.close();
        assertThat(service.watching()).isZero();
        assertThat(service.streams()).isZero();
        assertThat(service.heldBytes()).isZero();
    }

    private static void assertSame(Trajectory.Slice slice, Trajectory expected) {
        assertThat(slice.size()).isEqualTo(expected.size());
        for (int i = 0; i < slice.size(); i++) {
            assertThat(slice.x()[i]).isEqualTo(expected.x(i));
            assertThat(slice.y()[i]).isEqualTo(expected.y(i));
            assertThat(slice.loss()[i]).isEqualTo(expected.loss(i));
        }
    }
}
