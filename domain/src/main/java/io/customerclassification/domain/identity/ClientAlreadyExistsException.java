package io.customerclassification.domain.identity;

import io.customerclassification.domain.shared.ConflictException;

/** A client with this id exists already. */
public final class ClientAlreadyExistsException extends ConflictException {

    private final ClientId clientId;

    public ClientAlreadyExistsException(ClientId clientId) {
        super("Client " + clientId + " already exists");
        this.clientId = clientId;
    }

    public ClientId clientId() {
        return clientId;
    }
}
