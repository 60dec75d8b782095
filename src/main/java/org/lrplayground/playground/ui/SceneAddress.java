package org.lrplayground.playground.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.NavigationTrigger;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The scene's address: what the address bar shows, undo and redo over settled scenes, and when the
 * browser's history gets an entry of its own. Edits closer together than {@link #SETTLE_NANOS} (a
 * slider being dragged, a number being typed) make one step: the first starts it, the others amend it.
 *
 * <p>The address is written by hand rather than through Flow's History, which would re-encode and
 * reorder the query: the address bar shows the link format, which the API reads too.
 */
final class SceneAddress {

    /** Where a new scene came from, which decides what the undo history and the browser's history do. */
    enum Change {
        /** By navigation (a link, Back, Forward): the browser has its entry already. */
        ARRIVED,
        /** An edit: a step of the undo history, an entry of the browser's history once settled. */
        EDITED,
        /** Undo or redo: the undo history has moved already; the browser gets an entry. */
        UNDONE,
        /** A choice beyond the scene (speed, layout, the lesson closed): the address follows. */
        OPTION
    }

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
    /** What the address bar shows (or is about to), "?" and the link. */
    private String location;
    private long lastEdit = Long.MIN_VALUE / 2;
    /** Whether the browser's address bar and history follow; not in a page that owns them (a class's). */
    private boolean browser = true;

    SceneAddress(LongSupplier clock) {
        this.clock = clock;
    }

    String location() {
        return location;
    }

    /** The scene {@code next} ("?" and its link) is on stage: the address bar and the histories follow. */
    void write(String next, Change change) {
        Entry entry = switch (change) {
            case ARRIVED -> {
                arrived(next);
                yield Entry.REPLACE;
            }
            case EDITED -> edited(next);
            case UNDONE -> Entry.PUSH;
            case OPTION -> Entry.REPLACE;
        };
        boolean moved = !next.equals(location);
        location = next;
        UI ui = UI.getCurrent();
        // An arrival's address is the navigation's business (afterNavigation).
        if (browser && ui != null && moved && change != Change.ARRIVED) {
            ui.getPage().executeJs("history." + (entry == Entry.PUSH ? "pushState" : "replaceState")
                    + "(history.state, '', $0)", location);
        }
    }

    /**
     * After a navigation: a page that was loaded (or reloaded) shows the normalised link in its one
     * history entry. Any other arrival — a router link, Back, Forward — keeps its address: the
     * client's router writes that entry only after this response, so replacing it now would
     * overwrite the entry before it, and the address is a valid link of the same scene anyway.
     */
    void afterNavigation(NavigationTrigger trigger) {
        UI ui = UI.getCurrent();
        if (browser && location != null && ui != null && (trigger == NavigationTrigger.PAGE_LOAD || trigger == NavigationTrigger.REFRESH)) {
            ui.getPage().executeJs("history.replaceState(history.state, '', $0)", location);
        }
    }

    /** From now on only the undo history follows the scenes; the browser's address is another page's. */
    void keepOffBrowser() {
        browser = false;
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
