package io.customerclassification.adapter.jdbi.identity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.adapter.jdbi.sqlite.SqliteDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The identity statements that run on every token request or revocation find their rows through an index: expired
 * families, revocations and failure counters are deleted without reading the live ones.
 */
class IdentityQueryPlanTest {

    @TempDir
    static Path folder;

    private static Path file;

    @BeforeAll
    static void createTheSchema() {
        file = folder.resolve("plans.db");
        SqliteDatabase.open(file).close();
    }

    static Stream<Arguments> statements() {
        return Stream.of(
                Arguments.of("expired token families", TokenDao.DELETE_FAMILIES_EXPIRED_BEFORE, "token_family_by_expiry"),
                Arguments.of("expired revocations", TokenDao.FORGET_REVOCATIONS_EXPIRED_BEFORE,
                        "revoked_access_token_by_expiry"),
                Arguments.of("a client's families", TokenDao.REVOKE_FAMILIES_OF_CLIENT, "token_family_by_client"),
                Arguments.of("ended failure windows", FailedAuthenticationDao.FORGET_STARTED_BEFORE,
                        "failed_authentication_by_window"),
                Arguments.of("a client's API keys", ApiKeyDao.OF_CLIENT, "api_key_by_client"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statements")
    void findsItsRowsThroughItsIndex(String name, String sql, String index) throws Exception {
        List<String> plan = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                var statement = connection.prepareStatement("EXPLAIN QUERY PLAN " + sql.replaceAll(":\\w+", "1"));
                var rows = statement.executeQuery()) {
            while (rows.next()) {
                plan.add(rows.getString("detail"));
            }
        }
        System.out.println(sql + "\n  -> " + String.join("\n  -> ", plan));
        assertTrue(plan.stream().anyMatch(line -> line.contains("USING INDEX " + index)
                || line.contains("USING COVERING INDEX " + index)), name + " does not use " + index + ": " + plan);
        assertFalse(plan.stream().anyMatch(line -> line.startsWith("SCAN")), name + " scans: " + plan);
    }
}
