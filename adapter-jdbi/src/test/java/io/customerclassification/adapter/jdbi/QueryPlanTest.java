package io.customerclassification.adapter.jdbi;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fixed access paths use indexes, never a scan of a whole table (the plans are printed, and copied into
 * docs/persistence.md).
 */
class QueryPlanTest {

    @TempDir
    static Path folder;

    private static List<String> plan(String sql) throws Exception {
        Path file = folder.resolve("plans.db");
        SqliteDatabase.open(file).close();
        List<String> lines = new ArrayList<>();
        try (Connection connection = SqliteConnections.prepare(DriverManager.getConnection("jdbc:sqlite:" + file));
                var statement = connection.createStatement();
                var rows = statement.executeQuery("EXPLAIN QUERY PLAN " + sql.replace("?", "1"))) {
            while (rows.next()) {
                lines.add(rows.getString("detail"));
            }
        }
        System.out.println(sql + "\n  -> " + String.join("\n  -> ", lines));
        return lines;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "type by key           | SELECT " + CustomerTypeDao.COLUMNS + CustomerTypeDao.FROM + " WHERE t.company_id = ? AND t.key = ?",
        "type by name          | SELECT " + CustomerTypeDao.COLUMNS + CustomerTypeDao.FROM + " WHERE t.company_id = ? AND t.name_fold = ?",
        "children              | SELECT " + CustomerTypeDao.COLUMNS + CustomerTypeDao.FROM + " WHERE t.company_id = ? AND t.parent_key = ? ORDER BY t.key",
        "type page by key      | SELECT " + CustomerTypeDao.COLUMNS + CustomerTypeDao.FROM + " WHERE t.company_id = ? AND 1 ORDER BY t.key ASC LIMIT ? OFFSET ?",
        "types by status       | SELECT COUNT(*)" + CustomerTypeDao.FROM + " WHERE t.company_id = ? AND (t.status = ?)",
        "profile by id         | SELECT p.id FROM customer_profile p WHERE p.company_id = ? AND p.id = ?",
        "profile page by id    | SELECT p.id FROM customer_profile p WHERE p.company_id = ? AND 1 ORDER BY p.id ASC LIMIT ? OFFSET ?",
        "profile name taken    | SELECT EXISTS (SELECT 1 FROM customer_profile WHERE company_id = ? AND name_fold = ? AND id <> ?)",
    })
    void accessPathUsesAnIndex(String name, String sql) throws Exception {
        List<String> plan = plan(sql);
        assertFalse(plan.isEmpty());
        for (String line : plan) {
            assertFalse(line.startsWith("SCAN t") || line.startsWith("SCAN p") || line.startsWith("SCAN customer"),
                    name + " scans a table: " + plan);
        }
        assertTrue(plan.stream().anyMatch(line -> line.contains("USING")), name + " uses no index: " + plan);
    }

    @Test
    void ancestorsWalkByPrimaryKey() throws Exception {
        List<String> plan = plan("WITH RECURSIVE up(key, depth) AS (SELECT parent_key, 1 FROM customer_type"
                + " WHERE company_id = 1 AND key = 1 AND parent_key IS NOT NULL UNION ALL SELECT t.parent_key,"
                + " up.depth + 1 FROM customer_type t JOIN up ON t.company_id = 1 AND t.key = up.key"
                + " WHERE t.parent_key IS NOT NULL AND up.depth < 64) SELECT key FROM up");
        assertFalse(plan.stream().anyMatch(line -> line.startsWith("SCAN t")), plan.toString());
    }
}
