package io.customerclassification.adapter.jdbi.postgres;

import io.customerclassification.adapter.jdbi.session.Constraint;
import io.customerclassification.adapter.jdbi.session.SqlErrors;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Reads PostgreSQL's SQLSTATE codes: {@code 23505} is a unique or primary key (the constraint's name tells which:
 * PostgreSQL names a primary key {@code <table>_pkey}), {@code 23503} a foreign key, {@code 53100} a full disk;
 * class {@code 08} (connection exception: the driver's, or the pool's for a connection it has closed) and
 * {@code 57P01}–{@code 57P03} (the server shutting down, crashed or starting) a server that does not answer.
 */
final class PostgresErrors implements SqlErrors {

    static final String UNIQUE_VIOLATION = "23505";
    static final String FOREIGN_KEY_VIOLATION = "23503";
    static final String DISK_FULL = "53100";
    static final String CONNECTION_EXCEPTION = "08";
    /** admin_shutdown (a terminated backend, too), crash_shutdown, cannot_connect_now. */
    static final Set<String> SERVER_GONE = Set.of("57P01", "57P02", "57P03");

    @Override
    public Optional<Constraint> brokenConstraint(SQLException e) {
        PSQLException postgres = postgres(e);
        if (postgres == null) {
            return Optional.empty();
        }
        if (UNIQUE_VIOLATION.equals(postgres.getSQLState())) {
            ServerErrorMessage message = postgres.getServerErrorMessage();
            String constraint = message == null ? null : message.getConstraint();
            return Optional.of(constraint != null && constraint.endsWith("_pkey") ? Constraint.PRIMARY_KEY
                    : Constraint.UNIQUE);
        }
        if (FOREIGN_KEY_VIOLATION.equals(postgres.getSQLState())) {
            return Optional.of(Constraint.FOREIGN_KEY);
        }
        return Optional.empty();
    }

    @Override
    public boolean isFull(SQLException e) {
        PSQLException postgres = postgres(e);
        return postgres != null && DISK_FULL.equals(postgres.getSQLState());
    }

    @Override
    public boolean isUnavailable(SQLException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith(CONNECTION_EXCEPTION) || SERVER_GONE.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** The first PostgreSQL failure in the chain of causes, or null. */
    private static PSQLException postgres(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof PSQLException postgres) {
                return postgres;
            }
        }
        return null;
    }
}
