package io.customerclassification.application.port.in.identity;

public interface RevokeApiKeyUseCase {

    /**
     * Deletes the API key; it stops working at once.
     *
     * @throws io.customerclassification.domain.identity.AdminRequiredException unless the caller is an admin
     * @throws io.customerclassification.domain.identity.ApiKeyNotFoundException when the client has no such key
     */
    void revokeApiKey(RevokeApiKeyCommand command);
}
