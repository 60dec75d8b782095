package org.lrplayground.classroom.ui;

import java.util.Locale;

/** The services' messages are written to follow a colon; on a page of their own they are sentences. */
final class Sentences {

    private Sentences() {
    }

    /** "there is no class …" → "There is no class ….", for a message shown alone. */
    static String of(RuntimeException e) {
        String text = e.getMessage() == null ? "" : e.getMessage().strip();
        if (text.isEmpty()) {
            return "";
        }
        String first = text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
        return first.endsWith(".") ? first : first + ".";
    }
}
