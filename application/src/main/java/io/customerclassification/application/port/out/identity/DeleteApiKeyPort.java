package io.customerclassification.application.port.out.identity;

import io.customerclassification.domain.identity.ClientId;

public interface DeleteApiKeyPort {

    /** @return whether the client had this key */
    boolean deleteApiKey(ClientId clientId, String keyId);
}
