package org.lrplayground.playground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SceneAddressTest {

    private long now;
    private final SceneAddress history = new SceneAddress(() -> now);

    @Test
    void editsInQuickSuccessionAreOneStepAndTheBrowserGetsOneEntryForThem() {
        history.arrived("?a");

        assertThat(history.edited("?b")).isEqualTo(SceneAddress.Entry.PUSH);
        now += SceneAddress.SETTLE_NANOS / 2;
        assertThat(history.edited("?c")).isEqualTo(SceneAddress.Entry.REPLACE);
        now += SceneAddress.SETTLE_NANOS / 2;
        assertThat(history.edited("?d")).as("still typing").isEqualTo(SceneAddress.Entry.REPLACE);
        now += 2 * SceneAddress.SETTLE_NANOS;
        assertThat(history.edited("?e")).isEqualTo(SceneAddress.Entry.PUSH);

        assertThat(history.undo()).contains("?d");
        assertThat(history.undo()).contains("?a");
        assertThat(history.canUndo()).isFalse();
        assertThat(history.undo()).isEmpty();
        assertThat(history.redo()).contains("?d");
        assertThat(history.redo()).contains("?e");
        assertThat(history.canRedo()).isFalse();
    }

    @Test
    void aNewEditDropsWhatWasUndoneAndAnEditThatChangesNothingIsNoStep() {
        history.arrived("?a");
        history.edited("?b");
        now += 2 * SceneAddress.SETTLE_NANOS;
        assertThat(history.undo()).contains("?a");

        now += 2 * SceneAddress.SETTLE_NANOS;
        assertThat(history.edited("?a")).isEqualTo(SceneAddress.Entry.REPLACE);
        assertThat(history.canRedo()).isTrue();
        history.edited("?c");
        assertThat(history.canRedo()).isFalse();
        assertThat(history.undo()).contains("?a");
    }

    @Test
    void arrivingByNavigationIsNothingToUndoAndUndoSkipsWhereBackWentAlready() {
        history.arrived("?a");
        history.edited("?b");
        now += 2 * SceneAddress.SETTLE_NANOS;
        history.edited("?c");

        history.arrived("?b"); // the browser's Back
        assertThat(history.undo()).as("?b is where we are: undo goes on to ?a").contains("?a");
    }
}
