package io.customerclassification.adapter.jdbi.sqlite;

import io.customerclassification.adapter.jdbi.session.Transactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * SQLite's transactions. The database has one writer at a time: the writers of this process take turns at a fair
 * lock before they ask SQLite for its write lock ({@code BEGIN IMMEDIATE}, which takes it at once rather than at the
 * first write), so they never meet {@code SQLITE_BUSY}; a writer of another process is waited for up to the busy
 * timeout. A read snapshot is a deferred transaction ({@code BEGIN}), rolled back when read.
 */
final class SqliteTransactions implements Transactions {

    private final ReentrantLock writers = new ReentrantLock(true);

    @Override
    public void lockWriters() {
        writers.lock();
    }

    @Override
    public void unlockWriters() {
        writers.unlock();
    }

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

    private static void execute(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
