package org.lrplayground.classroom;

import java.util.function.Consumer;

/**
 * Tells every instance's subscribers of a class that it changed. {@link ClassroomService} publishes
 * after each change it has stored; boards and students' pages subscribe while they are shown.
 * Listeners are called on the publisher's thread or the event source's: a view hands the event
 * to its UI with {@code ui.access} and returns.
 */
public interface ClassEvents {

    void publish(String code, ClassEvent.Kind kind);

    /** Calls {@code listener} with each event of class {@code code} until the subscription is closed. */
    Subscription subscribe(String code, Consumer<ClassEvent> listener);

    /** Ends a subscription; closing it again does nothing. */
    @FunctionalInterface
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
