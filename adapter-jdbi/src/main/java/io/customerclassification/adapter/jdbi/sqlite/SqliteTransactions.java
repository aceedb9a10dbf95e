package io.customerclassification.adapter.jdbi.sqlite;

import io.customerclassification.adapter.jdbi.session.Transactions;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * SQLite's transactions. The database has one writer at a time: the writers of this process, which have taken
 * their turn in the {@code Session}, ask SQLite for its write lock ({@code BEGIN IMMEDIATE}, which takes it at once
 * rather than at the first write), so they never meet {@code SQLITE_BUSY}; a writer of another process is waited for
 * up to the busy timeout. A read snapshot is a deferred transaction ({@code BEGIN}), rolled back when read.
 */
final class SqliteTransactions implements Transactions {

    @Override
    public void beginWrite(Connection connection) throws SQLException {
        execute(connection, "BEGIN IMMEDIATE");
    }

    @Override
    public void beginRead(Connection connection) throws SQLException {
        execute(connection, "BEGIN");
    }

    @Override
    public void commit(Connection connection) throws SQLException {
        execute(connection, "COMMIT");
    }

    @Override
    public void rollback(Connection connection) throws SQLException {
        execute(connection, "ROLLBACK");
    }

    /**
     * One writer at a time across every process on the file, and {@code AUTOINCREMENT} keys taken while it writes:
     * each new key is above every committed one.
     */
    @Override
    public boolean keysFollowCommitOrder() {
        return true;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
