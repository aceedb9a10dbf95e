package io.customerclassification.adapter.jdbi.sqlite;

import io.customerclassification.adapter.jdbi.session.Constraint;
import io.customerclassification.adapter.jdbi.session.SqlErrors;
import java.sql.SQLException;
import java.util.Optional;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Reads SQLite's extended result codes, which sqlite-jdbc reports on every failure. */
final class SqliteErrors implements SqlErrors {

    @Override
    public Optional<Constraint> brokenConstraint(SQLException e) {
        SQLiteErrorCode code = code(e);
        if (code == null) {
            return Optional.empty();
        }
        return switch (code) {
            case SQLITE_CONSTRAINT_UNIQUE -> Optional.of(Constraint.UNIQUE);
            case SQLITE_CONSTRAINT_PRIMARYKEY -> Optional.of(Constraint.PRIMARY_KEY);
            case SQLITE_CONSTRAINT_FOREIGNKEY -> Optional.of(Constraint.FOREIGN_KEY);
            default -> Optional.empty();
        };
    }

    @Override
    public boolean isFull(SQLException e) {
        return code(e) == SQLiteErrorCode.SQLITE_FULL;
    }

    /** An SQLite file is opened in this process: there is no server to lose. */
    @Override
    public boolean isUnavailable(SQLException e) {
        return false;
    }

    /** The result code of the first SQLite failure in the chain of causes, or null. */
    private static SQLiteErrorCode code(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLiteException sqlite) {
                return sqlite.getResultCode();
            }
        }
        return null;
    }
}
