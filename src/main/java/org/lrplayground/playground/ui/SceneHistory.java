package org.lrplayground.playground.ui;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Undo and redo over settled scenes, and when the browser's history gets an entry of its own.
 * Edits closer together than {@link #SETTLE_NANOS} (a slider being dragged, a number being typed)
 * make one step: the first of them starts it, the others amend it.
 */
final class SceneHistory {

    /** Edits within this time of the previous one belong to the same step. */
    static final long SETTLE_NANOS = 1_500_000_000L;
    /** Undo steps kept. */
    private static final int DEPTH = 100;

    /** What the browser's history should do with the new address. */
    enum Entry { PUSH, REPLACE }

    private final Deque<String> undo = new ArrayDeque<>();
    private final Deque<String> redo = new ArrayDeque<>();
    private LongSupplier clock;
    private String current;
    private long lastEdit = Long.MIN_VALUE / 2;

    SceneHistory(LongSupplier clock) {
        this.clock = clock;
    }

    /** Another clock, for tests. */
    void useClock(LongSupplier next) {
        clock = next;
    }

    /**
     * A scene arrived by navigation (a link, Back or Forward): it is where we are. Going there was
     * no edit, so there is nothing to undo; the browser's own Back leads back.
     */
    void arrived(String scene) {
        current = scene;
        lastEdit = Long.MIN_VALUE / 2;
    }

    /** The user changed the scene; returns whether the browser's history gets a new entry or the last one changes. */
    Entry edited(String scene) {
        if (scene.equals(current)) {
            return Entry.REPLACE;
        }
        long now = clock.getAsLong();
        boolean amend = now - lastEdit < SETTLE_NANOS;
        lastEdit = now;
        if (!amend && current != null) {
            push(undo, current);
        }
        redo.clear();
        current = scene;
        return amend ? Entry.REPLACE : Entry.PUSH;
    }

    /** The scene before the current one, which becomes current. */
    Optional<String> undo() {
        return move(undo, redo);
    }

    /** The scene undone last, which becomes current again. */
    Optional<String> redo() {
        return move(redo, undo);
    }

    boolean canUndo() {
        return !undo.isEmpty();
    }

    boolean canRedo() {
        return !redo.isEmpty();
    }

    private Optional<String> move(Deque<String> from, Deque<String> to) {
        if (from.isEmpty()) {
            return Optional.empty();
        }
        push(to, current);
        String next = from.pop();
        while (next.equals(current) && !from.isEmpty()) { // Back or Forward may have gone there already
            next = from.pop();
        }
        current = next;
        lastEdit = Long.MIN_VALUE / 2;
        return Optional.of(current);
    }

    private static void push(Deque<String> stack, String scene) {
        stack.push(scene);
        if (stack.size() > DEPTH) {
            stack.removeLast();
        }
    }
}
