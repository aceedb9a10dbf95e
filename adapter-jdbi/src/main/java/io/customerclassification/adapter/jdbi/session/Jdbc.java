package io.customerclassification.adapter.jdbi.session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The statements of the one connection the {@link Session} lends to a unit of work: plain JDBC with positional
 * parameters, on the statements the connection keeps ({@link PreparedStatements}). Every failure is translated
 * here: a broken rule of the schema is a {@link ConstraintViolation}, anything else an
 * {@link IllegalStateException} naming the statement. Each result set is closed once read, so that a kept statement
 * never holds a read transaction open.
 */
public final class Jdbc {

    private final Connection connection;
    private final PreparedStatements statements;
    private final SqlErrors errors;

    Jdbc(Connection connection, PreparedStatements statements, SqlErrors errors) {
        this.connection = connection;
        this.statements = statements;
        this.errors = errors;
    }

    /** The first row the query answers, or empty. */
    public <T> Optional<T> first(String sql, RowReader<T> reader, Object... parameters) {
        return prepared(sql, statement -> {
            try (ResultSet rows = bind(statement, parameters).executeQuery()) {
                return rows.next() ? Optional.of(reader.read(rows)) : Optional.empty();
            }
        });
    }

    /** The answer of a {@code SELECT EXISTS (…)}. */
    public boolean exists(String sql, Object... parameters) {
        return first(sql, row -> row.getInt(1) != 0, parameters).orElse(false);
    }

    /** Every row the query answers. */
    public <T> List<T> list(String sql, List<Object> parameters, RowReader<T> reader) {
        return prepared(sql, statement -> all(bind(statement, parameters.toArray()), reader));
    }

    /**
     * Every row the query answers, from a statement prepared for this one run: for a rare text that should not
     * take the place of a kept statement.
     */
    public <T> List<T> listOnce(String sql, List<Object> parameters, RowReader<T> reader) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            return all(bind(statement, parameters.toArray()), reader);
        } catch (SQLException e) {
            throw Session.translate(errors, "running " + sql, e);
        }
    }

    /** @return how many rows the statement changed */
    public int update(String sql, Object... parameters) {
        return prepared(sql, statement -> bind(statement, parameters).executeUpdate());
    }

    /** Runs an {@code INSERT … RETURNING} of the new row's key. @return that key */
    public long insert(String sql, Object... parameters) {
        return first(sql, row -> row.getLong(1), parameters)
                .orElseThrow(() -> new IllegalStateException("no key returned by " + sql));
    }

    /** Runs {@code work} on the statement of {@code sql}, for work that binds and reads it itself. */
    public <T> T prepared(String sql, StatementWork<T> work) {
        try {
            return statements.with(connection, sql, work);
        } catch (SQLException e) {
            throw Session.translate(errors, "running " + sql, e);
        }
    }

    private static PreparedStatement bind(PreparedStatement statement, Object[] parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    private static <T> List<T> all(PreparedStatement statement, RowReader<T> reader) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(reader.read(rows));
            }
            return result;
        }
    }
}
