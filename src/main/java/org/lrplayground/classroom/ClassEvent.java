package org.lrplayground.classroom;

import java.util.Arrays;
import java.util.Optional;

/**
 * Something changed in a class. Events carry no data: a board or a student's page reads what it
 * shows from {@link ClassroomService} again, so an event may be sent across instances in a few bytes.
 */
public record ClassEvent(String code, Kind kind) {

    public enum Kind {
        /** A student joined. */
        JOINED("joined"),
        /** A student handed in runs. */
        HANDED_IN("handed-in"),
        /** The teacher removed a hand-in. */
        REMOVED("removed"),
        /** The teacher deleted every hand-in. */
        RESET("reset"),
        /** The teacher sent a new scene (its version went up). */
        SCENE("scene"),
        /** State (open, paused), locked, names hidden or spotlight changed. */
        SETTINGS("settings"),
        /** The teacher closed the class. */
        CLOSED("closed"),
        /** The class is gone: closed or idle, removed by the retention job. */
        DELETED("deleted");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        /** The kind's name in a notification's payload, e.g. {@code handed-in}. */
        public String id() {
            return id;
        }

        /** Empty for an id of no kind, such as one a newer instance sends. */
        public static Optional<Kind> byId(String id) {
            return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
        }
    }
}
