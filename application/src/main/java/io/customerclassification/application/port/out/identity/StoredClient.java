package io.customerclassification.application.port.out.identity;

import io.customerclassification.domain.identity.Client;
import java.util.Objects;

/** A client with the slow hash of its secret, as the store keeps it. */
public record StoredClient(Client client, String secretHash) {

    public StoredClient {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(secretHash, "secretHash");
    }
}
