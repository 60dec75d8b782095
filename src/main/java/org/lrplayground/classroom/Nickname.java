package org.lrplayground.classroom;

import java.util.Locale;

/**
 * A student's name in a class: 1 to {@value #MAX} characters (code points, so an emoji is one)
 * after trimming, no control characters.
 *
 * @param text as shown on the board
 */
public record Nickname(String text) {

    public static final int MAX = 24;

    public Nickname {
        text = text == null ? "" : text.strip();
        int length = text.codePointCount(0, text.length());
        if (length == 0 || length > MAX) {
            throw new ClassroomException(ClassroomException.Problem.BAD_NAME, "a nickname has 1 to " + MAX
                    + " characters (got " + length + ")", "name");
        }
        if (text.codePoints().anyMatch(Character::isISOControl)) {
            throw new ClassroomException(ClassroomException.Problem.BAD_NAME,
                    "a nickname cannot hold control characters such as line breaks or tabs", "name");
        }
    }

    /** What makes two nicknames the same: "Ada" and "ADA" are one student. */
    String key() {
        return text.toLowerCase(Locale.ROOT);
    }
}
