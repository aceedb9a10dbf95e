package io.customerclassification.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a client is told about a body that is no JSON: what is wrong and where, in plain words. */
class JsonSyntaxTest {

    /** The parser settings both dialects read bodies with. */
    private static final ObjectMapper PARSER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{\"a\":1                | it ends before the object that starts at line 1, column 1 is closed",
        "{\"a\":\"x              | it ends inside the string that starts at line 1, column 6",
        "{a:1}                   | 'a' at line 1, column 2 is unexpected: a property name in double quotes was expected",
        "{'a':1}                 | a single quote (strings and property names take double quotes) at line 1, column 2 is unexpected: a property name in double quotes was expected",
        "{\"a\":1,}              | '}' at line 1, column 8 is unexpected: a property name in double quotes was expected after the comma (a comma may not come before })",
        "[1,]                    | ']' at line 1, column 4 is unexpected: a value was expected (a string in double quotes, a number, an object, an array, true, false or null) after the comma (a comma may not come before ])",
        "[01]                    | the number at line 1, column 2 starts with 0 followed by more digits (JSON numbers have no leading zeros)",
        "[1.]                    | the number at line 1, column 2 has no digits after its decimal point",
        "[-]                     | the number at line 1, column 2 has no digits after its minus sign",
        "[1e+]                   | the number at line 1, column 2 has no digits in its exponent",
        "{\"a\":1,\"a\":2}       | the property 'a' appears twice in the object that starts at line 1, column 1 (the second time at line 1, column 8)",
        "{} x                    | there is more after the end of the JSON value: 'x' at line 1, column 4",
        "[NaN]                   | the word 'NaN' at line 1, column 2 is unknown: a value was expected (a string in double quotes, a number, an object, an array, true, false or null) (JSON has no NaN or Infinity)",
        "{\"id\": tru}           | the word 'tru' at line 1, column 8 is unknown: a value was expected (a string in double quotes, a number, an object, an array, true, false or null)",
        "[\"\\x\"]               | unknown escape \\x at line 1, column 3; JSON knows \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\u followed by four hexadecimal digits",
        "[\"\\u12\"]             | the escape \\u at line 1, column 3 needs four hexadecimal digits (such as \\u00e9)",
        "[1 2]                   | '2' at line 1, column 4 is unexpected: a comma (,) or the end of the array (]) was expected",
        "{\"a\" 1}               | '1' at line 1, column 6 is unexpected: a colon (:) was expected after the property name 'a'",
        "{\"a\":1 \"b\":2}       | '\"' at line 1, column 8 is unexpected: a comma (,) or the end of the object (}) was expected",
        "[1}                     | '}' at line 1, column 3 is unexpected: the array that starts at line 1, column 1 is closed with ]",
        "[/*c*/]                 | '/' (JSON has no comments) at line 1, column 2 is unexpected: a value was expected (a string in double quotes, a number, an object, an array, true, false or null)",
        "\u00e9l\u00e8ve         | 'é' at line 1, column 1 is unexpected: a value was expected (a string in double quotes, a number, an object, an array, true, false or null)",
        "[\"\u00e9\", +1]        | '+' at line 1, column 7 is unexpected: a value was expected (a string in double quotes, a number, an object, an array, true, false or null)",
    })
    void aProblemIsNamedWithItsLineAndColumn(String json, String message) {
        assertEquals(Optional.of(message), JsonSyntax.firstProblem(json));
    }

    @Test
    void invisibleCharactersAreNamedByTheirCodePoint() {
        assertEquals(Optional.of("the character U+FEFF (zero width no-break space) at line 1, column 1 is unexpected:"
                + " a value was expected (a string in double quotes, a number, an object, an array, true, false or"
                + " null)"), JsonSyntax.firstProblem("\uFEFF{}"));
        assertEquals(Optional.of("the string that starts at line 1, column 2 holds the control character U+000A at"
                + " line 1, column 4; write it as an escape such as \\n, \\t or \\u0001"),
                JsonSyntax.firstProblem("[\"a\nb\"]"));
        assertEquals(Optional.of("there is more after the end of the JSON value: the character U+2028 (line separator)"
                + " at line 1, column 2"), JsonSyntax.firstProblem("1\u2028"));
    }

    @Test
    void theParsersLimitsAreNamedWithTheirValues() {
        assertEquals(Optional.of("objects and arrays nest deeper than 1000 levels at line 1, column 1001"),
                JsonSyntax.firstProblem("[".repeat(1001) + "]".repeat(1001)));
        assertEquals(Optional.empty(), JsonSyntax.firstProblem("[".repeat(1000) + "]".repeat(1000)));
        assertEquals(Optional.of("the number at line 1, column 2 is longer than 1000 characters"),
                JsonSyntax.firstProblem("[" + "1".repeat(1001) + "]"));
        assertEquals(Optional.of("the property name at line 1, column 2 is longer than 50000 characters"),
                JsonSyntax.firstProblem("{\"" + "n".repeat(50_001) + "\":1}"));
    }

    /** The nesting is followed on a stack of the check's own: a thread with a small stack finds the limit too. */
    @Test
    void aMillionLevelsOfNestingAreRefusedWithoutRecursion() throws Exception {
        String objects = "{\"a\":".repeat(1_000_000) + "1" + "}".repeat(1_000_000);
        String arrays = "[".repeat(1_000_000) + "]".repeat(1_000_000);
        java.util.List<Optional<String>> found = new java.util.ArrayList<>();
        Thread small = new Thread(null, () -> {
            found.add(JsonSyntax.firstProblem(objects));
            found.add(JsonSyntax.firstProblem(arrays));
        }, "small-stack", 64 * 1024);
        small.start();
        small.join(30_000);
        assertEquals(List.of(Optional.of("objects and arrays nest deeper than 1000 levels at line 1, column 5001"),
                Optional.of("objects and arrays nest deeper than 1000 levels at line 1, column 1001")), found);
    }

    @Test
    void linesAndColumnsCountLineBreaksAndCharactersNotBytes() {
        assertEquals(Optional.of("it ends before the array that starts at line 2, column 2 is closed"),
                JsonSyntax.firstProblem("[1,\n [2,\n  3"));
        assertEquals(Optional.of("'x' at line 2, column 7 is unexpected: a comma (,) or the end of the array (])"
                + " was expected"), JsonSyntax.firstProblem("[\r\n\"\uD83D\uDE00\", 1x]"));
        assertEquals(Optional.of("'x' at line 3, column 1 is unexpected: a comma (,) or the end of the array (])"
                + " was expected"), JsonSyntax.firstProblem("[1,\r2,\rx]".replace(",\rx", "\rx")));
    }

    @Test
    void noMessageNamesTheParsersClassesOrSettings() {
        for (String broken : List.of("{\"a\":1", "[1e]", "{\"a\":1,\"a\":2}", "{} x", "[NaN]", "[" + "1".repeat(1001) + "]",
                "[".repeat(1001))) {
            String message = JsonSyntax.firstProblem(broken).orElseThrow();
            for (String internal : List.of("Feature", "Constraints", "marker", "REDACTED", "Source", "token", "`")) {
                assertFalse(message.contains(internal), message);
            }
        }
    }

    /**
     * The check must accept exactly what the parser accepts, or a client would be told a valid body is broken (or
     * get no reason): random texts built from JSON's pieces, most of them broken, are judged alike by both.
     */
    @Test
    void acceptsExactlyWhatTheParserAccepts() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        int broken = 0;
        for (int i = 0; i < 20_000; i++) {
            String text = randomText(random);
            boolean parsed = parses(text);
            Optional<String> problem = JsonSyntax.firstProblem(text);
            assertEquals(parsed, problem.isEmpty(), () -> "seed " + seed + ": the parser "
                    + (parsed ? "accepts" : "refuses") + " " + text + " but the check says " + problem);
            broken += parsed ? 0 : 1;
        }
        assertTrue(broken > 1_000 && broken < 19_000, "seed " + seed + ": " + broken + " of 20000 broken");
    }

    private static boolean parses(String text) {
        try {
            PARSER.readTree(text);
            return true;
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private static final List<String> PIECES = List.of("{", "}", "[", "]", ",", ":", "\"", "\"a\"", "\"b\"", "1",
            "-0", "0.5", "1e3", "01", "-", ".", "e", "true", "false", "null", "nul", " ", "\n", "\t", "\\", "\\n",
            "\\u00e9", "\\u12", "x", "'", "/", "\u0001", "\u00a0", "\u00e9", "+", "NaN");

    /** A valid document, then and now cut, spliced or sprinkled with stray pieces. */
    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        value(random, text, 0);
        int mutations = random.nextInt(4);
        for (int m = 0; m < mutations && !text.isEmpty(); m++) {
            int at = random.nextInt(text.length() + 1);
            switch (random.nextInt(3)) {
                case 0 -> text.insert(at, PIECES.get(random.nextInt(PIECES.size())));
                case 1 -> text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(3)));
                default -> text.setLength(at);
            }
        }
        return text.toString().isBlank() ? "[]" : text.toString(); // the dialects refuse a blank body before parsing
    }

    private static void value(Random random, StringBuilder text, int depth) {
        int kind = depth > 4 ? 2 + random.nextInt(4) : random.nextInt(6);
        switch (kind) {
            case 0 -> {
                text.append('{');
                int members = random.nextInt(4);
                for (int i = 0; i < members; i++) {
                    text.append(i > 0 ? "," : "").append("\"k").append(random.nextInt(6)).append("\":");
                    value(random, text, depth + 1);
                }
                text.append('}');
            }
            case 1 -> {
                text.append('[');
                int items = random.nextInt(4);
                for (int i = 0; i < items; i++) {
                    text.append(i > 0 ? ", " : "");
                    value(random, text, depth + 1);
                }
                text.append(']');
            }
            case 2 -> text.append(List.of("0", "-12", "3.25", "6e-2", "1E+9").get(random.nextInt(5)));
            case 3 -> text.append(List.of("\"\"", "\"x y\"", "\"\\\"q\\\"\"", "\"\\u00e9\\n\"", "\"\u00e9\"")
                    .get(random.nextInt(5)));
            default -> text.append(List.of("true", "false", "null").get(random.nextInt(3)));
        }
    }
}
