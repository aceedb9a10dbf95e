package io.customerclassification.adapter.jdbi.sqlite;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.adapter.jdbi.customerprofile.CustomerProfilePersistenceAdapter;
import io.customerclassification.adapter.jdbi.customertype.CustomerTypeSql;
import io.customerclassification.adapter.jdbi.page.PageSql;
import io.customerclassification.adapter.jdbi.page.QueryDialect;
import io.customerclassification.adapter.jdbi.page.QueryCompiler;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import io.customerclassification.application.query.Comparison;
import io.customerclassification.application.query.Criteria;
import io.customerclassification.application.query.CustomerProfileField;
import io.customerclassification.application.query.CustomerTypeField;
import io.customerclassification.application.query.Filter;
import io.customerclassification.application.query.Operator;
import io.customerclassification.application.query.Paging;
import io.customerclassification.application.query.SortKey;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fixed access paths use indexes, never a scan of a whole table (the plans are printed, and copied into
 * docs/persistence.md).
 */
class QueryPlanTest {

    private static final QueryDialect SQLITE = new SqliteQueryDialect();

    @TempDir
    static Path folder;

    private static Path file;

    /**
     * Plans depend on the data and on the planner's statistics, so they are taken over a realistic database:
     * 20 000 profiles (one in ten archived) and a tree of 20 000 types (ten children each), analysed the way
     * {@link SqliteDatabase#open} analyses a database.
     */
    @BeforeAll
    static void seed() throws Exception {
        file = folder.resolve("plans.db");
        SqliteDatabase.open(file).close();
        try (Connection connection = SqliteConnections.prepare(DriverManager.getConnection("jdbc:sqlite:" + file))) {
            connection.setAutoCommit(false);
            try (var profiles = connection.prepareStatement(
                    "INSERT INTO customer_profile (company_id, name, name_fold, archived) VALUES (0, ?, ?, ?)");
                    var types = connection.prepareStatement("INSERT INTO customer_type (key, company_id, name, name_fold,"
                            + " status, parent_key, created_at, modified_at) VALUES (?, 0, ?, ?, 'active', ?, 0, 0)")) {
                for (int i = 1; i <= 20_000; i++) {
                    profiles.setString(1, "Profile " + i);
                    profiles.setString(2, "profile " + i);
                    profiles.setInt(3, i % 10 == 0 ? 1 : 0);
                    profiles.addBatch();
                    types.setLong(1, i);
                    types.setString(2, "Type " + i);
                    types.setString(3, "type " + i);
                    types.setObject(4, i <= 10 ? null : (long) (i / 10));
                    types.addBatch();
                }
                profiles.executeBatch();
                types.executeBatch();
            }
            connection.commit();
            connection.setAutoCommit(true);
            try (var statement = connection.createStatement()) {
                statement.execute("PRAGMA optimize = 0x10002");
            }
        }
    }

    private static List<String> plan(String sql) throws Exception {
        return plan(new QueryCompiler.Sql(sql.replace("?", "1"), List.of()));
    }

    private static List<String> plan(QueryCompiler.Sql sql) throws Exception {
        List<String> lines = new ArrayList<>();
        try (Connection connection = SqliteConnections.prepare(DriverManager.getConnection("jdbc:sqlite:" + file));
                var statement = connection.prepareStatement("EXPLAIN QUERY PLAN " + sql.text())) {
            for (int i = 0; i < sql.parameters().size(); i++) {
                statement.setObject(i + 1, QueryCompiler.bindable(sql.parameters().get(i)));
            }
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    lines.add(rows.getString("detail"));
                }
            }
        }
        System.out.println(sql.text() + "\n  -> " + String.join("\n  -> ", lines));
        return lines;
    }

    /**
     * No step reads a whole table — neither a scan nor a Bloom filter, which SQLite builds by scanning the table;
     * scanning a co-routine (the rows of one page, joined afterwards) is fine.
     */
    private static void assertNoScan(String name, List<String> plan) {
        assertFalse(plan.isEmpty());
        for (String line : plan) {
            boolean scan = line.startsWith("SCAN t") || line.startsWith("SCAN p") || line.startsWith("SCAN customer");
            boolean ofPage = plan.contains("CO-ROUTINE " + line.substring(line.indexOf(' ') + 1));
            assertFalse(scan && !ofPage, name + " scans a table: " + plan);
            assertFalse(line.startsWith("BLOOM FILTER"), name + " builds a Bloom filter over a table: " + plan);
        }
        assertTrue(plan.stream().anyMatch(line -> line.contains("USING")), name + " uses no index: " + plan);
    }

    static Stream<Arguments> pageReads() {
        Criteria byId = Criteria.all(Paging.of(50_000, 30));
        Criteria activeByName = new Criteria(Comparison.of(CustomerProfileField.ARCHIVED, Operator.EQ, false),
                List.of(SortKey.desc(CustomerProfileField.NAME)), Paging.of(50_000, 30));
        Criteria byKey = Criteria.all(Paging.of(50_000, 100));
        Criteria children = new Criteria(Comparison.of(CustomerTypeField.PARENT_KEY, Operator.EQ, 42L), List.of(),
                Paging.of(0, 100));
        Criteria childrenOfTwo = new Criteria(Filter.and(Filter.or(
                Comparison.of(CustomerTypeField.PARENT_KEY, Operator.EQ, 42L),
                Comparison.of(CustomerTypeField.PARENT_KEY, Operator.EQ, 43L)),
                Comparison.of(CustomerTypeField.STATUS, Operator.EQ, "active")),
                List.of(SortKey.desc(CustomerTypeField.NAME)), Paging.of(0, 100));
        Criteria byTypeName = new Criteria(Filter.all(), List.of(SortKey.asc(CustomerTypeField.NAME)),
                Paging.of(50_000, 100));
        PageSql profiles = new PageSql(CustomerProfilePersistenceAdapter.PROFILES, 0, byId, SQLITE);
        PageSql activeProfiles = new PageSql(CustomerProfilePersistenceAdapter.PROFILES, 0, activeByName, SQLITE);
        PageSql types = new PageSql(CustomerTypeSql.TYPES, 0, byKey, SQLITE);
        PageSql typesByName = new PageSql(CustomerTypeSql.TYPES, 0, byTypeName, SQLITE);
        return Stream.of(
                Arguments.of("profile total", profiles.count()),
                Arguments.of("profile page seek by id", profiles.rows(List.of(50_001L), 0, 30)),
                Arguments.of("active profiles total", activeProfiles.count()),
                Arguments.of("active profiles seek by name desc",
                        activeProfiles.rows(List.of("profile 0050001", "Profile 0050001", 50_001L), 7, 30)),
                Arguments.of("type total", types.count()),
                Arguments.of("type page seek by key", types.rows(List.of(50_001L), 0, 100)),
                Arguments.of("type page seek by name", typesByName.rows(List.of("type 0050001", "Type 0050001", 50_001L), 0, 100)),
                Arguments.of("children total", new PageSql(CustomerTypeSql.TYPES, 0, children, SQLITE).count()),
                Arguments.of("children page", new PageSql(CustomerTypeSql.TYPES, 0, children, SQLITE).rows(null, 0, 100)),
                Arguments.of("children of two, active, by name",
                        new PageSql(CustomerTypeSql.TYPES, 0, childrenOfTwo, SQLITE).rows(null, 0, 100)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pageReads")
    void pageReadsSeekThroughAnIndex(String name, QueryCompiler.Sql sql) throws Exception {
        assertNoScan(name, plan(sql));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "type by key           | SELECT " + CustomerTypeSql.COLUMNS + CustomerTypeSql.FROM + " WHERE t.company_id = ? AND t.key = ?",
        "type by name          | SELECT " + CustomerTypeSql.COLUMNS + CustomerTypeSql.FROM + " WHERE t.company_id = ? AND t.name_fold = ?",
        "children              | SELECT " + CustomerTypeSql.COLUMNS + CustomerTypeSql.FROM + " WHERE t.company_id = ? AND t.parent_key = ? ORDER BY t.key",
        "type page by key      | SELECT " + CustomerTypeSql.COLUMNS + CustomerTypeSql.FROM + " WHERE t.company_id = ? AND 1 ORDER BY t.key ASC LIMIT ? OFFSET ?",
        "types by status       | SELECT COUNT(*)" + CustomerTypeSql.FROM + " WHERE t.company_id = ? AND (t.status = ?)",
        "profile by id         | SELECT p.id FROM customer_profile p WHERE p.company_id = ? AND p.id = ?",
        "profile page by id    | SELECT p.id FROM customer_profile p WHERE p.company_id = ? AND 1 ORDER BY p.id ASC LIMIT ? OFFSET ?",
        "profile name taken    | SELECT EXISTS (SELECT 1 FROM customer_profile WHERE company_id = ? AND name_fold = ? AND id <> ?)",
        "height and parent     | " + CustomerTypeSql.HEIGHT_AND_PARENT,
        "tallest child         | " + CustomerTypeSql.TALLEST_CHILD,
        "set a height          | " + CustomerTypeSql.SET_HEIGHT,
        "children of a level   | " + CustomerTypeSql.SQLITE_CHILD_KEYS,
        "names and parents     | " + CustomerTypeSql.SQLITE_NAMES_AND_PARENTS,
        "export roots          | " + CustomerTypeSql.EXPORT_ROOTS,
        "export children       | " + CustomerTypeSql.EXPORT_CHILDREN,
        "export profiles       | " + CustomerProfilePersistenceAdapter.EXPORT,
    })
    void accessPathUsesAnIndex(String name, String sql) throws Exception {
        assertNoScan(name, plan(sql));
    }
}
