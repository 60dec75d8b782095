package org.lrplayground.playground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.html.Div;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lrplayground.engine.run.Race;
import org.lrplayground.engine.run.RunStatus;
import org.lrplayground.playground.Await;
import org.lrplayground.race.InstantPaceClock;
import org.lrplayground.race.RaceService;

/**
 * However a lone run ends, and at every speed, the race reaches its end: the results say how, as
 * the engine decided, and the controls offer Run again, which plays it once more to the same end.
 * Paced races run on a clock that needs no waiting.
 */
@ViewPackages(classes = PlaygroundView.class)
class RaceEndsTest extends PlaygroundPageTest {

    /** Scenes of one run, each ending one way; some end on a step that records no point. */
    enum End {
        DIVERGED_AT_STEP_1("surface=goldstein-price&run=sgd:lr=100", "diverged, step 1"),
        DIVERGED_AT_STEP_2("surface=rosenbrock&run=sgd:lr=10", "diverged, step 2"),
        LEFT_THE_BOX("surface=custom&f=x%2By&run=sgd:lr=0.1", "left the box, step 26"),
        UNDEFINED_AT_THE_START("surface=custom&f=sqrt(-1-x%5E2)&run=sgd", "diverged, step 0"),
        CONVERGED_AT_THE_START("surface=custom&f=x%5E2%2By%5E2&start=0,0&run=sgd", "converged, step 0");

        final String query;
        final String status;

        End(String query, String status) {
            this.query = query;
            this.status = status;
        }
    }

    static Stream<Arguments> endsAtEverySpeed() {
        return Arrays.stream(End.values()).flatMap(end -> Arrays.stream(Speed.values()).map(s -> Arguments.of(end, s)));
    }

    /** Before any view of these tests is made: Vaadin's set-up already makes one. */
    @BeforeAll
    static void clockThatNeedsNoWaiting() {
        replaceService(new RaceService(2, 1L << 30, new InstantPaceClock()));
    }

    @AfterEach
    void closeRaces() {
        replaceService(new RaceService(2, 1L << 30, new InstantPaceClock()));
    }

    @AfterAll
    static void realClock() {
        replaceService(new RaceService(2, 1L << 30));
    }

    private static void replaceService(RaceService next) {
        PlaygroundViewTest.service.destroy();
        PlaygroundViewTest.service = next;
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("endsAtEverySpeed")
    void aLoneRunReachesItsEndAndTheControlsAgree(End end, Speed speed) {
        PlaygroundView view = open(end.query + "&speed=" + speed.id);
        RunStatus expected = Race.run(view.spec()).status(0);

        test(view.controls.run).click();
        awaitStopped(view);
        assertEnded(view, end, expected);

        test(view.controls.run).click(); // Run again
        awaitStopped(view);
        assertEnded(view, end, expected);
    }

    private void assertEnded(PlaygroundView view, End end, RunStatus expected) {
        assertThat(view.display.results().statuses()).containsExactly(end.status);
        assertThat(view.display.results().kinds()).containsExactly(expected);
        assertThat(view.controls.run.getText()).isEqualTo("Run again");
        assertThat(view.controls.run.isEnabled()).isTrue();
        assertThat(view.controls.step.isEnabled()).isFalse();
        String notes = $(Div.class).withClassName("race-results-notes").single().getElement().getTextRecursively();
        if (expected.kind() == RunStatus.Kind.DIVERGED || expected.kind() == RunStatus.Kind.LEFT_BOX) {
            assertThat(notes).as("why it failed, on the stage").startsWith("1. " + expected.reason());
        } else {
            assertThat(notes).isEmpty();
        }
    }

    /** Waits until no playback is under way and the page has had every frame it sent. */
    private static void awaitStopped(PlaygroundView view) {
        Await.until("the race has stopped and the page shows how it ended", () -> {
            boolean stopped = PlaygroundViewTest.service.runningTasks() == 0; // before its frames are run: none left behind
            PlaygroundViewTest.runFramesPushedByTheService();
            return stopped && !view.controls.run.getText().equals("Pause");
        });
    }
}
