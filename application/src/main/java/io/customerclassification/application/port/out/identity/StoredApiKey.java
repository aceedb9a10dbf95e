package io.customerclassification.application.port.out.identity;

import io.customerclassification.domain.identity.ClientId;
import java.time.Instant;
import java.util.Objects;

/** An API key as the store keeps it: its id, its client, the slow hash of its secret part. */
public record StoredApiKey(String keyId, ClientId clientId, String secretHash, Instant createdAt) {

    public StoredApiKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
