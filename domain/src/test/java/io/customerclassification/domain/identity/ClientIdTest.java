package io.customerclassification.domain.identity;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ClientIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "Z", "0", "billing-sync", "svc.reporting_2", "-._"})
    void acceptsLettersDigitsDotUnderscoreAndDash(String value) {
        assertEquals(value, ClientId.of(value).value());
        assertTrue(ClientId.isValid(value));
    }

    @Test
    void acceptsSixtyFourCharactersAndNoMore() {
        assertDoesNotThrow(() -> ClientId.of("x".repeat(64)));
        assertThrows(InvalidClientIdException.class, () -> ClientId.of("x".repeat(65)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "a b", "a:b", "a/b", "é", "a\nb", "a@b", "a%20", "a+b", "tab\t"})
    void refusesAnythingElse(String value) {
        assertThrows(InvalidClientIdException.class, () -> ClientId.of(value));
        assertFalse(ClientId.isValid(value));
    }

    @Test
    void refusesNull() {
        assertThrows(InvalidClientIdException.class, () -> ClientId.of(null));
        assertFalse(ClientId.isValid(null));
    }

    @Test
    void comparesExactly() {
        assertFalse(ClientId.of("Alice").equals(ClientId.of("alice")));
        assertTrue(ClientId.of("a").compareTo(ClientId.of("b")) < 0);
    }
}
