package io.customerclassification.application.port.out;

/**
 * An out-port could not write because the store has no room left (its disk, or the size it may grow to, is
 * full), so it wrote nothing: the write was rolled back whole, and what was stored before is intact and readable.
 * The same call succeeds once space is freed. Adapters throw it, dialects answer it as "store full" (507) rather
 * than as a failure.
 */
public class StoreFullException extends RuntimeException {

    public StoreFullException(String message, Throwable cause) {
        super(message, cause);
    }
}
