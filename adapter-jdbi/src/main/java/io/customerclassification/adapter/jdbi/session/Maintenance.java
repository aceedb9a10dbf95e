package io.customerclassification.adapter.jdbi.session;

import java.sql.Connection;
import java.sql.SQLException;

/** Upkeep a database wants as it is written, run after each write transaction has committed, still in turn. */
@FunctionalInterface
public interface Maintenance {

    void afterCommit(Connection connection) throws SQLException;
}
