package io.customerclassification.adapter.jdbi.session;

import io.customerclassification.application.port.out.StoreBusyException;
import io.customerclassification.application.port.out.StoreFullException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

/** The exceptions the store's failures reach their callers as, in the application's terms. */
final class StoreFailures {

    private StoreFailures() {}

    /**
     * The exception a failure of {@code what} reaches the caller as: busy when the pool had no connection to give
     * or the database server stopped answering (a retry later may succeed), full when the store had no room to
     * write (the write transaction is rolled back whole), a {@link ConstraintViolation} when a rule of the schema
     * was broken, else a plain failure.
     */
    static RuntimeException translate(SqlErrors errors, String what, SQLException e) {
        if (e instanceof SQLTransientConnectionException) {
            return new StoreBusyException("no database connection became free in time: " + e.getMessage(), e);
        }
        if (errors.isUnavailable(e)) {
            return new StoreBusyException("the database does not answer (" + what + "): " + e.getMessage(), e);
        }
        if (errors.isFull(e)) {
            return new StoreFullException("the database has no room left for the write (" + what + "): "
                    + e.getMessage(), e);
        }
        Optional<Constraint> broken = errors.brokenConstraint(e);
        if (broken.isPresent()) {
            return new ConstraintViolation(broken.get(), what + " broke a " + broken.get() + " constraint: "
                    + e.getMessage(), e);
        }
        return new IllegalStateException(what + " failed: " + e.getMessage(), e);
    }

    /** The batch's failure as another member gets it: of the same kind, so it reaches its caller the same way. */
    static RuntimeException relayed(Throwable failure) {
        if (failure instanceof StoreFullException) {
            return new StoreFullException(failure.getMessage(), failure);
        }
        if (failure instanceof StoreBusyException) {
            return new StoreBusyException(failure.getMessage(), failure);
        }
        return new IllegalStateException("the write transaction this write shared failed: " + failure.getMessage(),
                failure);
    }
}
