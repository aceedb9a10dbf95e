package io.customerclassification.application.port.in.identity;

import io.customerclassification.domain.identity.Client;
import java.util.Objects;

/** A client and its new secret, shown this once. {@link #toString()} never shows the secret. */
public record ClientWithSecret(Client client, String secret) {

    public ClientWithSecret {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "ClientWithSecret[" + client + ", secret=(hidden)]";
    }
}
