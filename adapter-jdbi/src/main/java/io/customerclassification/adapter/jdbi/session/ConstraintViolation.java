package io.customerclassification.adapter.jdbi.session;

/**
 * A statement broke a rule of the schema (the store's second line of defence). The persistence adapter that ran it
 * turns it into the domain's exception; one it does not expect goes on as a failure.
 */
public final class ConstraintViolation extends RuntimeException {

    private final Constraint constraint;

    ConstraintViolation(Constraint constraint, String message, Throwable cause) {
        super(message, cause);
        this.constraint = constraint;
    }

    public boolean broke(Constraint rule) {
        return constraint == rule;
    }
}
