package io.customerclassification.adapter.jdbi.session;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * How a database runs the session's transactions: how a write transaction (whose writer has taken its turn with
 * the other writers of this process) and a read snapshot start and end on a connection.
 */
public interface Transactions {

    /** Starts a write transaction that holds the database's write lock from its first statement on. */
    void beginWrite(Connection connection) throws SQLException;

    /** Starts a read transaction: every statement until its rollback sees one snapshot. */
    void beginRead(Connection connection) throws SQLException;

    void commit(Connection connection) throws SQLException;

    void rollback(Connection connection) throws SQLException;

    /**
     * Whether a row inserted by a write transaction gets a key above every key committed before it and below every
     * key committed after it, in every process sharing the database: true when writers take turns across processes
     * and take their keys from a counter while they hold the turn. The page index keeps the checkpoints of key
     * order across inserts only then (with concurrent writers a smaller key can commit after a larger one).
     */
    boolean keysFollowCommitOrder();
}
