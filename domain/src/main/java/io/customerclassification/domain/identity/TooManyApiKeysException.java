package io.customerclassification.domain.identity;

import io.customerclassification.domain.shared.RuleViolationException;

/** A client may hold only so many live API keys; revoke one before creating another. */
public final class TooManyApiKeysException extends RuleViolationException {

    private final ClientId clientId;
    private final int limit;

    public TooManyApiKeysException(ClientId clientId, int limit) {
        super("Client " + clientId + " has " + limit + " API keys already, the most it may hold");
        this.clientId = clientId;
        this.limit = limit;
    }

    public ClientId clientId() {
        return clientId;
    }

    public int limit() {
        return limit;
    }
}
