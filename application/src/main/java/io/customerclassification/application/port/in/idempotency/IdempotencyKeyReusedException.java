package io.customerclassification.application.port.in.idempotency;

/** An idempotency key was sent again with another request than the one it was first used for. */
public final class IdempotencyKeyReusedException extends RuntimeException {

    private final String key;

    public IdempotencyKeyReusedException(String key) {
        super("Idempotency-Key " + key + " was used for another request within the last 24 hours", null, false, false);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
