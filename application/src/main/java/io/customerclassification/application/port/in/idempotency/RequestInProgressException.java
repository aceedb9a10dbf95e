package io.customerclassification.application.port.in.idempotency;

/** A request with this idempotency key is still running: its answer is not known yet, so a retry must wait. */
public final class RequestInProgressException extends RuntimeException {

    private final String key;

    public RequestInProgressException(String key) {
        super("A request with Idempotency-Key " + key + " is still running; retry once it has been answered", null,
                false, false);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
