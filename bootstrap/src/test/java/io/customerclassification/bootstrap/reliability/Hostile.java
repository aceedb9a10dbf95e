package io.customerclassification.bootstrap.reliability;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Arbitraries for each kind of hostility a client can send, independent of any route: strings (control, non-BMP,
 * lone surrogates, SQL and wildcard metacharacters, huge), numbers out of every range, JSON values of the wrong
 * type, deep nesting, and malformed or truncated JSON text. The route generators in {@link HostileRequests}
 * assemble requests from them.
 */
final class Hostile {

    /** Quoted in SQL, LIKE, shells, JSON pointers and our own filter syntax. */
    static final List<String> METACHARACTERS = List.of("'", "''", "' OR '1'='1", "'; DROP TABLE customer_profile; --",
            "\"; DELETE FROM customer_type; --", "%", "%%", "_", "\\", "\\%", "%\\", "\\\\%", "%_%", "[a-z]%", "*", "?",
            "--", "/*", "*/", ";", "NULL", "null", "undefined", "$eq", "~0~1", "/", "../", "${jndi:ldap://127.0.0.1/a}",
            "<script>", "&", "=", "+", "#", ",", "(", ")", "in(", "between(1", "!in()", "ne()", "gt()", "lt(,)");

    /** Hostile numbers as JSON number text: out of every integer range, fractional, exponents, signed zero. */
    static final List<String> NUMBERS = List.of("0", "-0", "-1", "1", "1.5", "-2.5e3", "1e400", "-1e-400", "1E+2",
            "2147483647", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
            "-9223372036854775809", "1" + "0".repeat(400), "0.0000000000000000000001", "4000", "4001", "250", "251");

    /** Text that is not JSON, or not quite: the parser's edge. */
    static final List<String> NOT_JSON = List.of("", " ", "\n", "{", "}", "[", "{\"", "{\"Name\"", "{\"Name\":",
            "{\"Name\":}", "{Name: \"x\"}", "{'Name': 'x'}", "{\"Name\": \"x\",}", "{\"Name\": \"x\"} trailing",
            "{\"Name\": \"x\"}{}", "{\"Name\": NaN}", "{\"Name\": Infinity}", "{\"a\": 1 /* c */}", "// c\n{}",
            "\uFEFF{}", "{\"Name\": \"\\x41\"}", "{\"Name\": \"\\u12\"}", "{\"Name\": \"unterminated}", "nul", "tru",
            "0x10", "01", "--1", "{\"id\":\"a\",\"id\":\"b\"}", "{\"Name\":\"a\",\"Name\":\"b\"}", "\u0000", "\"\\ud800\"",
            "{\"a\":[1,2,]}", "[,]", ":", ",", "{\"\":\"\"}", "<xml/>", "Name=Gold", "\u00ff\u00fe");

    private static final JsonStringEncoder ENCODER = JsonStringEncoder.getInstance();

    private Hostile() {}

    /** A JSON string literal of {@code text}, escaped as JSON requires. */
    static String quote(String text) {
        return "\"" + new String(ENCODER.quoteAsString(text)) + "\"";
    }

    /** Strings a client might put anywhere: names, filter values, field names. */
    static Arbitrary<String> strings() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.strings().alpha().numeric().withChars(' ', '-').ofMaxLength(20)),
                Tuple.of(4, metacharacters()),
                Tuple.of(2, Arbitraries.strings().withCharRange('\u0000', '\u001f').withChars('\u007f', 'a')
                        .ofMinLength(1).ofMaxLength(6)),
                Tuple.of(2, nonBmp()),
                Tuple.of(2, Arbitraries.of(" lead", "trail ", " ", "\t", "\u00a0Gold", "Gold\u200b", "\u200e",
                        "e\u0301", "\u00e9", "\u0130stanbul", "\u017f", "\u212a", "\uFB01", "ß", "SS", "\u202eevil")),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(12)),
                Tuple.of(1, Arbitraries.of(255, 256, 5_000, 70_000).map("n"::repeat)));
    }

    static Arbitrary<String> metacharacters() {
        Arbitrary<String> around = Arbitraries.strings().alpha().ofMaxLength(4);
        return Combinators.combine(around, Arbitraries.of(METACHARACTERS), around).as((a, m, b) -> a + m + b);
    }

    /** Characters beyond the Basic Multilingual Plane: surrogate pairs in UTF-16, four bytes in UTF-8. */
    static Arbitrary<String> nonBmp() {
        return Arbitraries.integers().between(0x10000, 0x10FFFF).list().ofMinSize(1).ofMaxSize(5)
                .map(points -> points.stream().map(Character::toString).collect(Collectors.joining()));
    }

    /** A JSON string literal: a hostile string, or escapes the encoder never writes (lone surrogates, NUL). */
    static Arbitrary<String> stringLiterals() {
        return Arbitraries.frequencyOf(
                Tuple.of(9, strings().map(Hostile::quote)),
                Tuple.of(1, Arbitraries.of("\"\\ud800\"", "\"\\udfff\"", "\"a\\ud83d\"", "\"\\u0000\"",
                        "\"\\ud83d\\ude00\"", "\"\\/\"", "\"\\b\\f\"")));
    }

    static Arbitrary<String> numbers() {
        return Arbitraries.oneOf(Arbitraries.of(NUMBERS), Arbitraries.longs().map(String::valueOf));
    }

    /** Any JSON value, nested at most {@code depth} deep: what a field of the wrong type receives. */
    static Arbitrary<String> values(int depth) {
        Arbitrary<String> scalar = Arbitraries.oneOf(stringLiterals(), numbers(), Arbitraries.of("true", "false", "null"));
        if (depth <= 0) {
            return scalar;
        }
        Arbitrary<String> array = Arbitraries.lazy(() -> values(depth - 1)).list().ofMaxSize(4)
                .map(items -> "[" + String.join(",", items) + "]");
        Arbitrary<String> object = Combinators.combine(strings(), Arbitraries.lazy(() -> values(depth - 1)))
                .as((k, v) -> quote(k) + ":" + v).list().ofMaxSize(3).map(members -> "{" + String.join(",", members) + "}");
        return Arbitraries.frequencyOf(Tuple.of(6, scalar), Tuple.of(1, array),
                Tuple.of(1, object));
    }

    /** Arrays or objects nested past the parser's limit (1000) and below it. */
    static Arbitrary<String> deeplyNested() {
        return Combinators.combine(Arbitraries.of(50, 999, 1001, 20_000), Arbitraries.of(true, false)).as((depth, arrays) ->
                arrays ? "[".repeat(depth) + "]".repeat(depth) : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
    }

    /** A JSON object of up to {@code max} members, each a {@code "name":value} text. */
    static Arbitrary<String> objects(Arbitrary<String> member, int max) {
        return member.list().ofMaxSize(max).map(members -> "{" + String.join(",", members) + "}");
    }

    /** A property no route knows, with a hostile name and value. */
    static Arbitrary<String> unknownMembers() {
        return Combinators.combine(strings(), values(1)).as((name, value) -> quote(name) + ":" + value);
    }

    /**
     * The body of a write: mostly an object of the route's {@code members}, else one of its {@code valid} bodies
     * broken, a value that is no object, nesting past the parser's limit, or {@code field} with a string of
     * 300,000 or 1,100,000 characters (the body limit is 1 MiB).
     */
    static Arbitrary<String> bodies(Arbitrary<String> members, String field, String... valid) {
        return Arbitraries.frequencyOf(
                Tuple.of(12, objects(members, 4)),
                Tuple.of(3, Arbitraries.of(valid).flatMap(Hostile::broken)),
                Tuple.of(2, values(2)),
                Tuple.of(1, deeplyNested()),
                Tuple.of(1, Arbitraries.of(300_000, 1_100_000).map(n -> "{" + quote(field) + ": \"" + "x".repeat(n) + "\"}")));
    }

    /** A valid body broken the ways a network or a careless client breaks it. */
    static Arbitrary<String> broken(String valid) {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(0, Math.max(0, valid.length() - 1)).map(cut -> valid.substring(0, cut)),
                Combinators.combine(Arbitraries.integers().between(0, valid.length()), Arbitraries.of("\"", "{", "}", ",",
                        ":", "]", "\\", "\u0000", "\n")).as((at, c) -> valid.substring(0, at) + c + valid.substring(at)),
                Arbitraries.of(NOT_JSON));
    }
}
