package io.customerclassification.application.port.out.identity;

import io.customerclassification.domain.identity.ClientId;
import java.util.List;
import java.util.Optional;

public interface LoadApiKeyPort {

    Optional<StoredApiKey> loadApiKey(String keyId);

    /** The client's keys, oldest first. */
    List<StoredApiKey> loadApiKeys(ClientId clientId);
}
