package io.customerclassification.application.port.out;

/**
 * An out-port could not get its turn in time — every connection, or every slot for its kind of work, stayed
 * taken — so it did nothing; the same call may succeed a moment later. Adapters throw it, dialects answer it as
 * "busy, retry" (503) rather than as a failure.
 */
public class StoreBusyException extends RuntimeException {

    public StoreBusyException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreBusyException(String message) {
        super(message);
    }
}
