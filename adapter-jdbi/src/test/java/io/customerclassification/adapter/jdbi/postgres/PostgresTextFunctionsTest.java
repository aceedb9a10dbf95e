package io.customerclassification.adapter.jdbi.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.adapter.jdbi.PostgresTestDatabase;
import io.customerclassification.application.query.TextPatterns;
import io.customerclassification.domain.shared.Name;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The PostgreSQL functions of the query model's text rules ({@code cc_fold}, {@code cc_like}, migration V1) give the
 * answers of the Java code SQLite runs: every code point folded alone and in context, and generated patterns.
 */
class PostgresTextFunctionsTest {

    @RegisterExtension
    static final PostgresTestDatabase SERVER = new PostgresTestDatabase();

    @Test
    void ccFoldIsNameFoldForEveryCodePoint() throws Exception {
        List<String> texts = new ArrayList<>();
        for (int codePoint = 1; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            if (Character.getType(codePoint) != Character.SURROGATE && Character.isDefined(codePoint)) {
                texts.add(new String(Character.toChars(codePoint)));
            }
        }
        // in context: final sigma, the dotted capital I, expansions and NFC composition
        texts.addAll(List.of("ΟΔΟΣ", "ΣΑΣ Σ", "İstanbul", "Straße", "ﬃ", "e\u0301", "A\u030A", "ǅ", "ŉ", "ΐ"));
        List<String> differences = new ArrayList<>();
        try (PostgresDatabase database = PostgresDatabase.open(SERVER.url(), 1);
                Connection connection = PostgresTestDatabase.connect(SERVER.url());
                var statement = connection.prepareStatement("SELECT value, cc_fold(value) FROM unnest(?) AS value")) {
            for (int from = 0; from < texts.size(); from += 20_000) {
                List<String> batch = texts.subList(from, Math.min(texts.size(), from + 20_000));
                statement.setArray(1, connection.createArrayOf("text", batch.toArray()));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        String text = rows.getString(1);
                        if (!Name.fold(text).equals(rows.getString(2))) {
                            differences.add(String.format("U+%04X %s: Java %s, PostgreSQL %s",
                                    text.codePointAt(0), text, Name.fold(text), rows.getString(2)));
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), differences, differences.size() + " texts fold differently");
    }

    @Test
    void ccLikeIsTextPatternsLikeMatches() throws Exception {
        String[] pieces = {"a", "B", "%", "_", "\\", "é", "ß", "\uD83D\uDE00", "ab", "%a", "\\%", "\\_", "\\\\"};
        Random random = new Random(19);
        List<String[]> cases = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            cases.add(new String[] {compose(random, pieces), compose(random, pieces)});
        }
        int matches = 0;
        try (PostgresDatabase database = PostgresDatabase.open(SERVER.url(), 1);
                Connection connection = PostgresTestDatabase.connect(SERVER.url());
                var statement = connection.prepareStatement("SELECT p, t, cc_like(p, t) FROM unnest(?, ?) AS c (p, t)")) {
            statement.setArray(1, connection.createArrayOf("text", cases.stream().map(c -> c[0]).toArray()));
            statement.setArray(2, connection.createArrayOf("text", cases.stream().map(c -> c[1]).toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    boolean expected = TextPatterns.likeMatches(rows.getString(1), rows.getString(2));
                    assertEquals(expected, rows.getBoolean(3), "cc_like('" + rows.getString(1) + "', '"
                            + rows.getString(2) + "')");
                    matches += expected ? 1 : 0;
                }
            }
        }
        assertTrue(matches > 500, "the generated cases match often enough to prove something: " + matches);
    }

    private static String compose(Random random, String[] pieces) {
        StringBuilder text = new StringBuilder();
        for (int n = random.nextInt(5); n > 0; n--) {
            text.append(pieces[random.nextInt(pieces.length)]);
        }
        return text.toString();
    }
}
