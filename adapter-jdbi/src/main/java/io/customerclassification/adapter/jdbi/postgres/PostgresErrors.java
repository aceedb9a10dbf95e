package io.customerclassification.adapter.jdbi.postgres;

import io.customerclassification.adapter.jdbi.session.Constraint;
import io.customerclassification.adapter.jdbi.session.SqlErrors;
import java.sql.SQLException;
import java.util.Optional;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Reads PostgreSQL's SQLSTATE codes: {@code 23505} is a unique or primary key (the constraint's name tells which:
 * PostgreSQL names a primary key {@code <table>_pkey}), {@code 23503} a foreign key, {@code 53100} a full disk.
 */
final class PostgresErrors implements SqlErrors {

    static final String UNIQUE_VIOLATION = "23505";
    static final String FOREIGN_KEY_VIOLATION = "23503";
    static final String DISK_FULL = "53100";

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
