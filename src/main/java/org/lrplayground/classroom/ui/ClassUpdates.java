package org.lrplayground.classroom.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.lrplayground.classroom.ClassEvent;
import org.lrplayground.classroom.ClassEvents;

/**
 * Keeps a page of a class up to date while it is shown: class events arrive on another thread,
 * often in bursts (a room handing in at once), and become one refresh on the page's UI a moment
 * later, with every kind of event that came in the meantime.
 */
final class ClassUpdates {

    /** Events this close together make one refresh: short beside the board's 1 s promise. */
    static final long COALESCE_MILLIS = 150;

    private static final Executor LATER = CompletableFuture.delayedExecutor(COALESCE_MILLIS, TimeUnit.MILLISECONDS);

    private final Set<ClassEvent.Kind> pending = EnumSet.noneOf(ClassEvent.Kind.class);

    private ClassUpdates() {
    }

    /**
     * Calls {@code refresh} on {@code page}'s UI after class {@code code}'s events of the kinds
     * {@code wanted}, until the page is detached. The page must be attached.
     */
    static void follow(Component page, ClassEvents events, String code, Set<ClassEvent.Kind> wanted,
                       Consumer<Set<ClassEvent.Kind>> refresh) {
        UI ui = page.getUI().orElseThrow(() -> new IllegalStateException("a page follows its class once it is shown"));
        ClassUpdates updates = new ClassUpdates();
        ClassEvents.Subscription subscription = events.subscribe(code, e -> {
            if (wanted.contains(e.kind())) {
                updates.arrived(ui, e.kind(), refresh);
            }
        });
        page.addDetachListener(detach -> {
            subscription.close();
            detach.unregisterListener();
        });
    }

    private void arrived(UI ui, ClassEvent.Kind kind, Consumer<Set<ClassEvent.Kind>> refresh) {
        boolean first;
        synchronized (pending) {
            first = pending.isEmpty();
            pending.add(kind);
        }
        if (first) {
            LATER.execute(() -> {
                try {
                    ui.access(() -> refresh.accept(drain()));
                } catch (UIDetachedException e) {
                    // The page closed meanwhile: nobody to tell.
                }
            });
        }
    }

    private Set<ClassEvent.Kind> drain() {
        synchronized (pending) {
            Set<ClassEvent.Kind> kinds = EnumSet.copyOf(pending);
            pending.clear();
            return kinds;
        }
    }
}
