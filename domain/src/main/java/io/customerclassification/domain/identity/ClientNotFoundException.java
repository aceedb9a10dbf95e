package io.customerclassification.domain.identity;

import io.customerclassification.domain.shared.NotFoundException;

/** No client with this id exists. */
public final class ClientNotFoundException extends NotFoundException {

    private final ClientId clientId;

    public ClientNotFoundException(ClientId clientId) {
        super("Client " + clientId + " does not exist");
        this.clientId = clientId;
    }

    public ClientId clientId() {
        return clientId;
    }
}
