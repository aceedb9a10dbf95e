package io.customerclassification.adapter.jdbi.session;

import java.sql.SQLException;
import java.util.Optional;

/** Why a statement failed, read from the database's own error codes. */
public interface SqlErrors {

    /** The rule of the schema the statement broke, or empty when it failed for another reason. */
    Optional<Constraint> brokenConstraint(SQLException e);

    /** Whether the statement found no room to write: the disk, or the size the database may grow to, is full. */
    boolean isFull(SQLException e);

    /**
     * Whether the statement failed because the database server stopped answering: the connection was lost, or the
     * server is shutting down or starting. The pool drops such a connection; the work may be retried later.
     */
    boolean isUnavailable(SQLException e);
}
