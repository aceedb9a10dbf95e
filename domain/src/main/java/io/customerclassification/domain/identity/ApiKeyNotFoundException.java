package io.customerclassification.domain.identity;

import io.customerclassification.domain.shared.NotFoundException;

/** The client has no API key with this key id. */
public final class ApiKeyNotFoundException extends NotFoundException {

    private final ClientId clientId;
    private final String keyId;

    public ApiKeyNotFoundException(ClientId clientId, String keyId) {
        super("Client " + clientId + " has no API key " + keyId);
        this.clientId = clientId;
        this.keyId = keyId;
    }

    public ClientId clientId() {
        return clientId;
    }

    public String keyId() {
        return keyId;
    }
}
