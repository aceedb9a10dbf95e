package io.customerclassification.adapter.jdbi.session;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * How a database runs the session's transactions: how the writers of this process take turns, and how a write
 * transaction or a read snapshot starts and ends on a connection.
 */
public interface Transactions {

    /** Waits until no other writer of this process is in a write transaction; taken before a connection. */
    void lockWriters();

    void unlockWriters();

    /** Starts a write transaction that holds the database's write lock from its first statement on. */
    void beginWrite(Connection connection) throws SQLException;

    /** Starts a read transaction: every statement until its rollback sees one snapshot. */
    void beginRead(Connection connection) throws SQLException;

    void commit(Connection connection) throws SQLException;

    void rollback(Connection connection) throws SQLException;
}
