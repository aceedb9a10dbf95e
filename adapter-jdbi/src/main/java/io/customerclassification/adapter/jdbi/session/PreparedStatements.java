package io.customerclassification.adapter.jdbi.session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Where the prepared statements of a connection come from: kept per connection of the store's own pool (compiling a
 * statement can cost as much as running it), or prepared for each use on connections the store does not own.
 */
public interface PreparedStatements {

    /** A statement prepared for each use and closed after it. */
    PreparedStatements EACH_TIME = new PreparedStatements() {
        @Override
        public <T> T with(Connection connection, String sql, StatementWork<T> work) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                return work.run(statement);
            }
        }
    };

    /** Runs {@code work} on the statement of {@code sql} on {@code connection}, its parameters cleared. */
    <T> T with(Connection connection, String sql, StatementWork<T> work) throws SQLException;
}
