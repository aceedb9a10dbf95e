package io.customerclassification.adapter.jdbi.session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/**
 * The statements of the one connection the {@link Session} lends to a unit of work, in the two access styles of
 * docs/persistence.md: plain JDBC with positional parameters on the statements the connection keeps
 * ({@link PreparedStatements}) for the statements of the dialects' requests, and Jdbi SqlObject DAOs
 * ({@link #dao}) for the rest. Every failure is translated here: a broken rule of the schema is a
 * {@link ConstraintViolation}, a store with no room a {@code StoreFullException}, anything else an
 * {@link IllegalStateException} naming the statement. Each result set is closed once read, so that a kept statement
 * never holds a read transaction open.
 */
public final class Jdbc {

    private final Connection connection;
    private final PreparedStatements statements;
    private final SqlErrors errors;
    private final LentConnectionJdbi jdbi;
    /** Opened by the first {@link #dao} call of the unit of work, closed by the session when the work ends. */
    private Handle handle;

    Jdbc(Connection connection, PreparedStatements statements, SqlErrors errors, LentConnectionJdbi jdbi) {
        this.connection = connection;
        this.statements = statements;
        this.errors = errors;
        this.jdbi = jdbi;
    }

    /**
     * Runs {@code work} on a SqlObject DAO of {@code type} attached to this connection, in this unit of work's
     * transaction, if any.
     */
    public <D, T> T dao(Class<D> type, DaoWork<D, T> work) {
        if (handle == null) {
            handle = jdbi.open(connection);
        }
        D dao = handle.attach(type);
        try {
            return work.run(dao);
        } catch (JdbiException e) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql) {
                    throw StoreFailures.translate(errors, "running " + type.getSimpleName(), sql);
                }
            }
            throw e;
        }
    }

    /** What a unit of work does with a DAO. */
    @FunctionalInterface
    public interface DaoWork<D, T> {
        T run(D dao);
    }

    /** Closes the DAOs' handle, if one was opened; the session calls it before it gives the connection back. */
    void release() {
        if (handle != null) {
            handle.close();
            handle = null;
        }
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
        return first(sql, row -> row.getBoolean(1), parameters).orElse(false);
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
            throw StoreFailures.translate(errors, "running " + sql, e);
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
            throw StoreFailures.translate(errors, "running " + sql, e);
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
