package io.customerclassification.adapter.jdbi.postgres;

import io.customerclassification.adapter.jdbi.session.Transactions;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * PostgreSQL's transactions, shared by every server process over one database. Writers take turns: those of this
 * process in the {@code Session}, before they take a connection (so waiting writers hold none), then across processes at one
 * transaction-scoped advisory lock ({@code pg_advisory_xact_lock}), which PostgreSQL releases at commit or rollback,
 * also when the process holding it dies. A write transaction runs at READ COMMITTED: its first statement after the
 * lock sees every transaction committed before it, so the hierarchy checks it makes hold until it commits
 * (docs/persistence.md says why one lock rather than serializable transactions or a lock per company). A read
 * snapshot is a REPEATABLE READ, READ ONLY transaction.
 */
final class PostgresTransactions implements Transactions {

    /** The advisory lock of the writers: the text "cc-write" as a number, so that other applications avoid it. */
    static final long WRITERS_LOCK = 0x63632d7772697465L;

    @Override
    public void beginWrite(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        execute(connection, "SELECT pg_advisory_xact_lock(" + WRITERS_LOCK + ")");
    }

    @Override
    public void beginRead(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        execute(connection, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    }

    @Override
    public void commit(Connection connection) throws SQLException {
        connection.commit();
        connection.setAutoCommit(true);
    }

    @Override
    public void rollback(Connection connection) throws SQLException {
        try {
            connection.rollback();
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /**
     * Writers of every process take turns at one lock, and keys come from identity sequences taken while it is
     * held: each new key is above every committed one.
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
