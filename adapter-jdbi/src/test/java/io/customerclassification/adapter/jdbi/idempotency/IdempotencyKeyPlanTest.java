package io.customerclassification.adapter.jdbi.idempotency;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.adapter.jdbi.sqlite.SqliteDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The statements of the idempotency keys use an index, never a scan: in particular expired keys are found through
 * the expiry index, so forgetting them costs the keys forgotten, not the table (printed, and in docs/persistence.md).
 */
class IdempotencyKeyPlanTest {

    @TempDir
    static Path folder;

    private static Path file;

    @BeforeAll
    static void seed() throws Exception {
        file = folder.resolve("keys.db");
        SqliteDatabase.open(file).close();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            connection.setAutoCommit(false);
            try (var insert = connection.prepareStatement("INSERT INTO idempotency_key (client, key, request_hash,"
                    + " claim_token, claimed_at, expires_at) VALUES (?, ?, x'00', 1, ?, ?)")) {
                for (int i = 0; i < 20_000; i++) {
                    insert.setString(1, "client " + i % 7);
                    insert.setString(2, "key " + i);
                    insert.setLong(3, i);
                    insert.setLong(4, i + 86_400_000L);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            connection.commit();
            connection.setAutoCommit(true);
            try (var statement = connection.createStatement()) {
                statement.execute("ANALYZE");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {IdempotencyKeyDao.FIND, IdempotencyKeyDao.ANSWER, IdempotencyKeyDao.RELEASE,
        IdempotencyKeyDao.DELETE_EXPIRED})
    void everyStatementSeeksThroughAnIndex(String sql) throws Exception {
        List<String> plan = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                var statement = connection.prepareStatement("EXPLAIN QUERY PLAN " + sql.replaceAll(":[a-zA-Z]+", "1"));
                var rows = statement.executeQuery()) {
            while (rows.next()) {
                plan.add(rows.getString("detail"));
            }
        }
        System.out.println(sql + "\n  -> " + String.join("\n  -> ", plan));
        assertFalse(plan.isEmpty());
        assertTrue(plan.stream().noneMatch(line -> line.startsWith("SCAN idempotency_key")), "a scan: " + plan);
        assertTrue(plan.stream().anyMatch(line -> line.contains("USING")), "no index: " + plan);
        if (sql.equals(IdempotencyKeyDao.DELETE_EXPIRED)) {
            assertTrue(plan.stream().anyMatch(line -> line.contains("idempotency_key_by_expiry")), plan.toString());
        }
    }
}
