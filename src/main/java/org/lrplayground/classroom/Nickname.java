package org.lrplayground.classroom;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import java.util.Locale;

/**
 * A student's name in a class, as a room of strangers sees it on the board: NFKC-normalised (so
 * "Ａｄａ" is "Ada") and trimmed, 1 to {@value #MAX} characters (code points, so an emoji is one),
 * and only characters that show: no control, formatting (zero-width, bidi override), private-use,
 * surrogate or unassigned ones, which could hide or disguise a name. A zero-width joiner is
 * allowed between two emoji only, where it builds one (👩‍💻).
 *
 * @param text as shown on the board
 */
public record Nickname(String text) {

    public static final int MAX = 24;

    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
    /** Unicode TR 39's confusable skeletons: "Аda" with a Cyrillic А and "Ada" have one. */
    private static final SpoofChecker CONFUSABLES = new SpoofChecker.Builder().build();
    private static final int ZWJ = 0x200D;

    public Nickname {
        text = NFKC.normalize(text == null ? "" : text).strip();
        int length = text.codePointCount(0, text.length());
        if (length == 0 || length > MAX) {
            throw new ClassroomException(ClassroomException.Problem.BAD_NAME, "a nickname has 1 to " + MAX
                    + " characters (got " + length + ")", "name");
        }
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            int c = text.codePointAt(i);
            String kind = hidden(c);
            if (kind != null && !(c == ZWJ && joinsEmoji(text, i))) {
                String name = UCharacter.getName(c);
                throw new ClassroomException(ClassroomException.Problem.BAD_NAME, "a nickname cannot hold "
                        + String.format(Locale.ROOT, "U+%04X", c) + (name == null ? "" : " " + name) + ", " + kind
                        + ": use letters, digits, spaces, punctuation and emoji", "name");
            }
        }
    }

    /**
     * What makes two nicknames the same: their confusable skeleton after case folding, so "ADA",
     * "ada" and "Аda" are one student.
     */
    String key() {
        return CONFUSABLES.getSkeleton(UCharacter.foldCase(text, true));
    }

    /** What kind of character that does not show {@code c} is, or null for one that does. */
    private static String hidden(int c) {
        return switch (UCharacter.getType(c)) {
            case UCharacterCategory.CONTROL -> "a control character";
            case UCharacterCategory.FORMAT -> "an invisible formatting character";
            case UCharacterCategory.PRIVATE_USE -> "a private-use character, which every phone draws differently";
            case UCharacterCategory.SURROGATE -> "half of a character";
            case UCharacterCategory.UNASSIGNED -> "a character Unicode has not assigned";
            default -> null;
        };
    }

    /** Whether the joiner at {@code at} stands between two emoji, as in 👩‍💻 or 👩🏽‍💻 or 🏳️‍🌈. */
    private static boolean joinsEmoji(String text, int at) {
        int before = at;
        int previous;
        // An emoji's skin tone or its emoji presentation selector may come between it and the joiner.
        do {
            if (before == 0) {
                return false;
            }
            previous = text.codePointBefore(before);
            before -= Character.charCount(previous);
        } while (previous == 0xFE0F || UCharacter.hasBinaryProperty(previous, UProperty.EMOJI_MODIFIER));
        int after = at + Character.charCount(ZWJ);
        return UCharacter.hasBinaryProperty(previous, UProperty.EXTENDED_PICTOGRAPHIC) && after < text.length()
                && UCharacter.hasBinaryProperty(text.codePointAt(after), UProperty.EXTENDED_PICTOGRAPHIC);
    }
}
