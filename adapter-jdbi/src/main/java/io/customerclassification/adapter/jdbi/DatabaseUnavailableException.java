package io.customerclassification.adapter.jdbi;

/** The database cannot be opened, written or migrated; the message says why, for an operator to act on. */
public final class DatabaseUnavailableException extends RuntimeException {

    public DatabaseUnavailableException(String message) {
        super(message);
    }

    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
