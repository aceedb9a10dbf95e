package io.customerclassification.adapter.jdbi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.sqlite.SQLiteConnection;

/**
 * The prepared statements of the single-row reads, kept per physical connection of the product's own pool:
 * sqlite-jdbc compiles a statement anew on every {@code prepareStatement} (about a seventh of a read by key, JMH
 * stack profile). A statement is prepared on the physical connection, not through the pool's proxy, so the pool
 * does not close it when the connection goes back; the pool hands a connection to one thread at a time, with a
 * happens-before edge, so each connection's map needs no lock of its own. Statements of a connection the pool
 * retired are dropped when the next new connection is seen; closing the pool closes them with their connections.
 */
final class StatementCache {

    private final Map<SQLiteConnection, Map<String, PreparedStatement>> byConnection = new ConcurrentHashMap<>();

    /**
     * The prepared statement for {@code sql} on {@code connection}'s physical connection, with its parameters
     * cleared. The caller closes the result set it runs, never the statement.
     */
    PreparedStatement prepared(Connection connection, String sql) throws SQLException {
        SQLiteConnection physical = connection.unwrap(SQLiteConnection.class);
        Map<String, PreparedStatement> statements = byConnection.get(physical);
        if (statements == null) {
            byConnection.keySet().removeIf(StatementCache::isClosed);
            statements = new HashMap<>();
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

    private static boolean isClosed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }
}
