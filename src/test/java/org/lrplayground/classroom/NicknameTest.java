package org.lrplayground.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NicknameTest {

    /** A name as typed, and the name the board shows. */
    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of("  Ada  ", "Ada"),
                Arguments.of("Ａｄａ", "Ada"), // fullwidth letters: NFKC
                Arguments.of("\u00A0Ada\u3000", "Ada"), // no-break and ideographic spaces
                Arguments.of("ﬁona", "fiona"), // a ligature
                Arguments.of("Jose\u0301", "Jos\u00E9"), // e and a combining acute: NFKC composes them
                Arguments.of("Zoë 🦊", "Zoë 🦊"),
                Arguments.of("👩‍💻", "👩‍💻"), // woman, joiner, laptop
                Arguments.of("👩🏽‍💻 Mia", "👩🏽‍💻 Mia"), // a skin tone before the joiner
                Arguments.of("🏳️‍🌈", "🏳️‍🌈"), // white flag, emoji presentation selector, joiner, rainbow
                Arguments.of("محمد", "محمد"),
                Arguments.of("🦊".repeat(24), "🦊".repeat(24)), // 24 characters in 48 UTF-16 units
                Arguments.of("꽦".repeat(24), "꽦".repeat(24)));
    }

    /** A name as typed, and why it is refused. */
    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("", "a nickname has 1 to 24 characters (got 0)"),
                Arguments.of(" \t ", "a nickname has 1 to 24 characters (got 0)"),
                Arguments.of("x".repeat(25), "a nickname has 1 to 24 characters (got 25)"),
                Arguments.of("Ada Lovelace, Countess of Lovelace", "a nickname has 1 to 24 characters (got 34)"),
                Arguments.of("a\tb", "a nickname cannot hold U+0009, a control character: use letters, digits, spaces, punctuation and emoji"),
                Arguments.of("a\nb", "a nickname cannot hold U+000A, a control character: use letters, digits, spaces, punctuation and emoji"),
                Arguments.of("A\u200Bda", "a nickname cannot hold U+200B ZERO WIDTH SPACE, an invisible formatting character: use letters, digits, spaces, punctuation and emoji"),
                Arguments.of("\u200B", "a nickname cannot hold U+200B ZERO WIDTH SPACE, an invisible formatting character: use letters, digits, spaces, punctuation and emoji"),
                Arguments.of("Ad\u200Ca", "a nickname cannot hold U+200C ZERO WIDTH NON-JOINER, an invisible formatting character: use letters, digits, spaces, punctuation and emoji"),
                Arguments.of("A\u200Dda", "a nickname cannot hold U+200D ZERO WIDTH JOINER, an invisible formatting character: use letters, digits, spaces, punctuation and emoji"),
                Arguments.of("\u200D", "a nickname cannot hold U+200D ZERO WIDTH JOINER, an invisible formatting character: use letters, digits, spaces, punctuation and emoji"),
                Arguments.of("🦊\u200D", "a nickname cannot hold U+200D ZERO WIDTH JOINER, an invisible formatting character: use letters, digits, spaces, punctuation and emoji"),
                Arguments.of("Ada\u200D🦊", "a nickname cannot hold U+200D ZERO WIDTH JOINER, an invisible formatting character: use letters, digits, spaces, punctuation and emoji"),
                Arguments.of("\u202Eada", "a nickname cannot hold U+202E RIGHT-TO-LEFT OVERRIDE, an invisible formatting character: use letters, digits, spaces, punctuation and emoji"),
                Arguments.of("\u2067Ada\u2069", "a nickname cannot hold U+2067 RIGHT-TO-LEFT ISOLATE, an invisible formatting character: use letters, digits, spaces, punctuation and emoji"),
                Arguments.of("\uFEFFAda", "a nickname cannot hold U+FEFF ZERO WIDTH NO-BREAK SPACE, an invisible formatting character: use letters, digits, spaces, punctuation and emoji"),
                Arguments.of("🏴\uDB40\uDC67", "a nickname cannot hold U+E0067 TAG LATIN SMALL LETTER G, an invisible formatting character: use letters, digits, spaces, punctuation and emoji"),
                Arguments.of("Ada\uE000", "a nickname cannot hold U+E000, a private-use character, which every phone draws differently: use letters, digits, spaces, punctuation and emoji"),
                Arguments.of("Ada\uD83E", "a nickname cannot hold U+D83E, half of a character: use letters, digits, spaces, punctuation and emoji"),
                Arguments.of("Ada\u0378", "a nickname cannot hold U+0378, a character Unicode has not assigned: use letters, digits, spaces, punctuation and emoji"));
    }

    @ParameterizedTest
    @MethodSource
    void accepted(String typed, String shown) {
        assertThat(new Nickname(typed).text()).isEqualTo(shown);
    }

    @ParameterizedTest
    @MethodSource
    void refused(String typed, String message) {
        assertThatThrownBy(() -> new Nickname(typed)).isInstanceOfSatisfying(ClassroomException.class, e -> {
            assertThat(e.problem()).isEqualTo(ClassroomException.Problem.BAD_NAME);
            assertThat(e.parameter()).isEqualTo("name");
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    @Test
    void namesThatLookTheSameWhateverTheirCaseHaveOneKey() {
        String ada = new Nickname("Ada").key();
        assertThat(new Nickname("ADA").key()).isEqualTo(ada);
        assertThat(new Nickname("\u0410da").key()).as("Cyrillic А").isEqualTo(ada);
        assertThat(new Nickname("Ａｄａ").key()).isEqualTo(ada);
        assertThat(new Nickname("Straße").key()).isEqualTo(new Nickname("STRASSE").key());
        assertThat(new Nickname("Ada").key()).isNotEqualTo(new Nickname("Ida").key());
    }

    @Test
    void aKeyFitsItsColumnEvenWhenItIsLongerThanTheName() {
        // V5__nickname_skeleton.sql: 24 Hangul syllables have the longest skeletons, 7 UTF-16 units each.
        assertThat(new Nickname("꽦".repeat(24)).key()).hasSizeGreaterThan(64).hasSizeLessThanOrEqualTo(192);
    }
}
