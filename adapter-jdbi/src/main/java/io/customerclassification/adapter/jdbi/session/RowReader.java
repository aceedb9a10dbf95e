package io.customerclassification.adapter.jdbi.session;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads the current row of a result set into a value, by column position: every statement selects the columns its
 * reader reads first and in that order.
 */
@FunctionalInterface
public interface RowReader<T> {

    T read(ResultSet row) throws SQLException;
}
