package io.customerclassification.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogTextTest {

    @Test
    void plainTextIsKeptAsItIs() {
        String path = "/api/v1.0/companies/0/setup/customerProfiles/ä€😀";
        assertSame(path, LogText.of(path));
        assertEquals("null", LogText.of(null));
        assertEquals("42", LogText.of(42));
    }

    @Test
    void lineBreaksAndControlCharactersCannotForgeALogLine() {
        assertEquals("/x\\n2026-12-01 INFO requests - method=GET path=/admin",
                LogText.of("/x\n2026-12-01 INFO requests - method=GET path=/admin"));
        assertEquals("a\\rb\\tc\\u0000d\\u001be\\u007ff\\u0085g\\u2028h\\u2029i",
                LogText.of("a\rb\tc\u0000d\u001be\u007ff\u0085g\u2028h\u2029i"));
    }

    @Test
    void backslashesAreEscapedSoThatEscapesStayUnambiguous() {
        assertEquals("C:\\\\n", LogText.of("C:\\n"));
    }

    @Test
    void longTextIsCut() {
        String text = "x".repeat(LogText.MAX_CHARS + 5000);
        String logged = LogText.of(text);
        assertTrue(logged.startsWith("x".repeat(LogText.MAX_CHARS) + "…(5000 more chars)"), logged);
        assertEquals(LogText.MAX_CHARS + "…(5000 more chars)".length(), logged.length());
    }
}
