package io.customerclassification.domain.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.domain.shared.InvalidNameException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NameTest {

    private static Reason refusal(String value) {
        return assertThrows(InvalidNameException.class, () -> Name.of(value)).reason();
    }

    @Test
    void nullAndEmptyAreRefused() {
        assertEquals(Reason.MISSING, refusal(null));
        assertEquals(Reason.EMPTY, refusal(""));
    }

    private static int codePoints(Name name) {
        return name.value().codePointCount(0, name.value().length());
    }

    @Test
    void lengthIsCountedInCodePointsUpTo255() {
        assertEquals("a", Name.of("a").value());
        assertEquals(255, codePoints(Name.of("a".repeat(255))));
        assertEquals(Reason.TOO_LONG, refusal("a".repeat(256)));
        String emoji = "\uD83D\uDE00";
        Name emojis = Name.of(emoji.repeat(255));
        assertEquals(510, emojis.value().length(), "255 non-BMP characters are 510 UTF-16 units");
        assertEquals(255, codePoints(emojis), "a non-BMP character counts once");
        assertEquals(Reason.TOO_LONG, refusal(emoji.repeat(256)));
    }

    @Test
    void lengthIsCountedAfterNfc() {
        String decomposed = "e\u0301";
        Name name = Name.of(decomposed.repeat(255));
        assertEquals("\u00E9".repeat(255), name.value(), "e + combining acute composes to one é");
        assertEquals(Reason.TOO_LONG, refusal(decomposed.repeat(256)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "a\u0009b", "a\nb", "a\u001Fb", "a\u007Fb", "\u0000"})
    void controlCharactersAreRefused(String value) {
        assertEquals(Reason.CONTROL_CHARACTER, refusal(value));
    }

    @Test
    void theCharactersJustOutsideTheControlRangesAreAccepted() {
        for (String value : new String[] {"a\u0020b", "a~b", "a\u0080b"}) {
            assertEquals(value, Name.of(value).value(), "kept as given");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {" Gold", "Gold ", "\u00A0Gold", "Gold\u2003", " "})
    void surroundingWhitespaceIsRefusedNotTrimmed(String value) {
        assertEquals(Reason.SURROUNDING_WHITESPACE, refusal(value));
    }

    @Test
    void innerWhitespaceIsKept() {
        assertEquals("Gold  Plus", Name.of("Gold  Plus").value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\uD800", "\uDC00a", "a\uD800b"})
    void unpairedSurrogatesAreRefused(String value) {
        assertEquals(Reason.MALFORMED_UNICODE, refusal(value));
    }

    @Test
    void valueIsKeptInNfc() {
        assertEquals("Caf\u00E9", Name.of("Cafe\u0301").value());
        assertEquals(Name.of("Caf\u00E9"), Name.of("Cafe\u0301"));
    }

    @Test
    void sameAsIgnoresCaseAndNormalisation() {
        assertTrue(Name.of("GOLD").sameAs(Name.of("gold")));
        assertTrue(Name.of("Stra\u00DFe").sameAs(Name.of("STRASSE")));
        assertTrue(Name.of("CAF\u00C9").sameAs(Name.of("cafe\u0301")));
        assertFalse(Name.of("Gold").sameAs(Name.of("Gold2")));
    }

    @Test
    void equalityIsExactWhileTheKeyIsFolded() {
        assertNotEquals(Name.of("Gold"), Name.of("gold"));
        assertEquals(Name.of("Gold").key(), Name.of("gold").key());
    }

    @Test
    void foldIsLocaleIndependent() {
        assertEquals(Name.fold("TITLE"), Name.fold("title"));
        assertEquals("i\u0307", Name.fold("\u0130"), "dotted capital I folds the same on every machine");
    }

    @Test
    void refusalCarriesTheRejectedValue() {
        var e = assertThrows(InvalidNameException.class, () -> Name.of(" x"));
        assertEquals(" x", e.rejectedValue());
        assertEquals("Name must not start or end with whitespace", e.getMessage());
    }
}
