package io.customerclassification.adapter.jdbi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.customerclassification.adapter.jdbi.postgres.PostgresDatabase;
import io.customerclassification.adapter.jdbi.sqlite.SqliteDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQLite and PostgreSQL migrations build the same schema: after migrating both, the same tables, the same
 * columns (name, nullability, integer, text or binary), primary keys, unique constraints and foreign keys, as many checks
 * per table, and the same indexes (their columns, in order). A migration added to one folder and not the other, or
 * written differently, fails here.
 */
class SchemaEquivalenceTest {

    @RegisterExtension
    static final PostgresTestDatabase SERVER = new PostgresTestDatabase();

    /** Tables of the migration tool and of the databases themselves, not the product's. */
    private static final Pattern NOT_OURS = Pattern.compile("flyway_schema_history|sqlite_.*");

    @TempDir
    Path folder;

    @Test
    void bothMigrationsBuildTheSameTablesColumnsConstraintsAndIndexes() throws SQLException {
        Path file = folder.resolve("schema.db");
        SqliteDatabase.open(file).close();
        Map<String, String> sqlite;
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            sqlite = describe(connection, checksPerTable(connection,
                    "SELECT name, sql FROM sqlite_master WHERE type = 'table'", true));
        }
        PostgresDatabase.open(SERVER.url(), 1).close();
        Map<String, String> postgres;
        try (Connection connection = PostgresTestDatabase.connect(SERVER.url())) {
            postgres = describe(connection, checksPerTable(connection, "SELECT c.relname, count(*) FROM pg_constraint k"
                    + " JOIN pg_class c ON c.oid = k.conrelid WHERE k.contype = 'c' GROUP BY c.relname", false));
        }
        assertFalse(sqlite.isEmpty());
        assertEquals(sqlite.keySet(), postgres.keySet(), "the same tables");
        for (String table : sqlite.keySet()) {
            assertEquals(sqlite.get(table), postgres.get(table), "table " + table + " (SQLite, then PostgreSQL)");
        }
    }

    /** Per table, a text listing its columns, keys, checks and indexes in a fixed order. */
    private static Map<String, String> describe(Connection connection, Map<String, Integer> checks)
            throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        Map<String, String> tables = new TreeMap<>();
        List<String> names = new ArrayList<>();
        try (ResultSet rows = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                String schema = rows.getString("TABLE_SCHEM");
                String name = rows.getString("TABLE_NAME").toLowerCase();
                if (!NOT_OURS.matcher(name).matches() && (schema == null || schema.equals("public"))) {
                    names.add(name);
                }
            }
        }
        for (String table : names) {
            StringBuilder text = new StringBuilder();
            List<String> primaryKey = new ArrayList<>();
            try (ResultSet rows = meta.getPrimaryKeys(null, null, table)) {
                TreeMap<Integer, String> ordered = new TreeMap<>();
                while (rows.next()) {
                    ordered.put(rows.getInt("KEY_SEQ"), rows.getString("COLUMN_NAME"));
                }
                primaryKey.addAll(ordered.values());
            }
            try (ResultSet rows = meta.getColumns(null, null, table, "%")) {
                while (rows.next()) {
                    text.append("column ").append(rows.getString("COLUMN_NAME")).append(' ')
                            .append(typeClass(rows.getInt("DATA_TYPE"), rows.getString("TYPE_NAME"))).append(' ')
                            // SQLite's INTEGER PRIMARY KEY is the rowid: never null, though not declared NOT NULL
                            .append(rows.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls
                                    || primaryKey.equals(List.of(rows.getString("COLUMN_NAME"))) ? "not null" : "null")
                            .append('\n');
                }
            }
            text.append("primary key ").append(primaryKey).append('\n');
            TreeSet<String> foreignKeys = new TreeSet<>();
            try (ResultSet rows = meta.getImportedKeys(null, null, table)) {
                Map<String, List<String>> byKey = new TreeMap<>();
                while (rows.next()) {
                    String key = rows.getString("PKTABLE_NAME") + "#" + rows.getString("FK_NAME");
                    byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(rows.getString("FKCOLUMN_NAME") + "->"
                            + rows.getString("PKTABLE_NAME") + "." + rows.getString("PKCOLUMN_NAME"));
                }
                byKey.values().forEach(columns -> foreignKeys.add(columns.toString()));
            }
            text.append("foreign keys ").append(foreignKeys).append('\n');
            TreeSet<String> indexes = new TreeSet<>();
            try (ResultSet rows = meta.getIndexInfo(null, null, table, false, false)) {
                Map<String, TreeMap<Integer, String>> columns = new TreeMap<>();
                Map<String, Boolean> unique = new TreeMap<>();
                while (rows.next()) {
                    String index = rows.getString("INDEX_NAME");
                    if (index == null || rows.getString("COLUMN_NAME") == null) {
                        continue;
                    }
                    unique.put(index, !rows.getBoolean("NON_UNIQUE"));
                    columns.computeIfAbsent(index, k -> new TreeMap<>())
                            .put(rows.getInt("ORDINAL_POSITION"), rows.getString("COLUMN_NAME"));
                }
                columns.forEach((index, ordered) -> {
                    List<String> list = List.copyOf(ordered.values());
                    if (!list.equals(primaryKey)) { // SQLite's integer primary key is the rowid, without an index
                        indexes.add((unique.get(index) ? "unique " : "") + list);
                    }
                });
            }
            text.append("indexes ").append(indexes).append('\n');
            text.append("checks ").append(checks.getOrDefault(table, 0)).append('\n');
            tables.put(table, text.toString());
        }
        return tables;
    }

    /** Integer, text or binary: the kinds of column of the schema, whatever each database calls them. */
    private static String typeClass(int jdbcType, String name) {
        if (name.equalsIgnoreCase("BLOB") || name.equalsIgnoreCase("bytea")) {
            return "binary"; // SQLite's driver reports a BLOB column with a text type
        }
        return switch (jdbcType) {
            case Types.INTEGER, Types.BIGINT, Types.SMALLINT -> "integer";
            case Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.CLOB -> "text";
            case Types.BLOB, Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY -> "binary";
            default -> "other (" + name + ")";
        };
    }

    /**
     * How many CHECK constraints each table has: counted in SQLite's stored CREATE TABLE texts ({@code parse}), or
     * read as counts from PostgreSQL's catalogue.
     */
    private static Map<String, Integer> checksPerTable(Connection connection, String sql, boolean parse)
            throws SQLException {
        Map<String, Integer> checks = new TreeMap<>();
        Pattern check = Pattern.compile("\\bCHECK\\s*\\(", Pattern.CASE_INSENSITIVE);
        try (var statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                int count = 0;
                if (parse) {
                    Matcher matcher = check.matcher(rows.getString(2) == null ? "" : rows.getString(2));
                    while (matcher.find()) {
                        count++;
                    }
                } else {
                    count = rows.getInt(2);
                }
                checks.put(rows.getString(1).toLowerCase(), count);
            }
        }
        return checks;
    }
}
