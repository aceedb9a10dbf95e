package io.customerclassification.adapter.jdbi.sqlite;

import io.customerclassification.adapter.jdbi.session.PreparedStatements;
import io.customerclassification.adapter.jdbi.session.StatementWork;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.sqlite.SQLiteConnection;

/**
 * The prepared statements of the store, kept per physical connection of its own pool: sqlite-jdbc compiles a
 * statement anew on every {@code prepareStatement}, which for a read by key or a page of the query service costs a
 * good part of running it (docs/performance.md). The texts of page statements vary with the filter and order a
 * client sends, so each connection keeps its {@link #PER_CONNECTION} most recently used statements and closes the one
 * it drops. A statement is prepared on the physical connection, not through the pool's proxy, so the pool does not
 * close it when the connection goes back; the pool hands a connection to one thread at a time, with a happens-before
 * edge, so each connection's map needs no lock of its own. Statements of a connection the pool retired are dropped
 * when the next new connection is seen; closing the pool closes them with their connections.
 */
final class StatementCache implements PreparedStatements {

    /**
     * Statements kept per connection: the dozen fixed ones and the page statements of the filters and orders in
     * use. A prepared statement holds a few KiB of SQLite's memory, so eight connections keep at most a few MiB.
     */
    static final int PER_CONNECTION = 64;

    private final Map<SQLiteConnection, Map<String, PreparedStatement>> byConnection = new ConcurrentHashMap<>();

    @Override
    public <T> T with(Connection connection, String sql, StatementWork<T> work) throws SQLException {
        return work.run(prepared(connection, sql));
    }

    /**
     * The prepared statement for {@code sql} on {@code connection}'s physical connection, with its parameters
     * cleared. The caller closes the result set it runs, never the statement.
     */
    PreparedStatement prepared(Connection connection, String sql) throws SQLException {
        SQLiteConnection physical = connection.unwrap(SQLiteConnection.class);
        Map<String, PreparedStatement> statements = byConnection.get(physical);
        if (statements == null) {
            byConnection.keySet().removeIf(StatementCache::isClosed);
            statements = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
                    if (size() <= PER_CONNECTION) {
                        return false;
                    }
                    close(eldest.getValue());
                    return true;
                }
            };
            byConnection.put(physical, statements);
        }
        PreparedStatement statement = statements.get(sql);
        if (statement == null || statement.isClosed()) {
            statement = physical.prepareStatement(sql);
            statements.put(sql, statement);
        } else {
            statement.clearParameters();
        }
        return statement;
    }

    /** How many connections have statements here (for the tests). */
    int connections() {
        return byConnection.size();
    }

    void clear() {
        byConnection.clear();
    }

    /** How many statements a connection keeps here (for the tests). */
    int statements(Connection connection) throws SQLException {
        Map<String, PreparedStatement> statements = byConnection.get(connection.unwrap(SQLiteConnection.class));
        return statements == null ? 0 : statements.size();
    }

    private static void close(PreparedStatement statement) {
        try {
            statement.close();
        } catch (SQLException e) {
            // a statement that cannot close is dropped all the same; its connection frees it when it closes
        }
    }

    private static boolean isClosed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }
}
