package io.customerclassification.adapter.jdbi.session;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Work on one prepared statement: it binds the statement, runs it and closes every result set it opens, but never
 * the statement itself, which the connection may keep for the next use.
 */
@FunctionalInterface
public interface StatementWork<T> {

    T run(PreparedStatement statement) throws SQLException;
}
