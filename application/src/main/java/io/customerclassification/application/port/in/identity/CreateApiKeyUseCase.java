package io.customerclassification.application.port.in.identity;

public interface CreateApiKeyUseCase {

    /**
     * Creates an API key for the client (Simpro's pre-issued bearer tokens): it carries the client's grants,
     * is stored only as a slow hash, and works until revoked or the client is deleted.
     *
     * @throws io.customerclassification.domain.identity.AdminRequiredException unless the caller is an admin
     * @throws io.customerclassification.domain.identity.ClientNotFoundException
     * @throws io.customerclassification.domain.identity.TooManyApiKeysException when the client has
     *     {@value IdentityLimits#MAX_API_KEYS} already
     */
    CreatedApiKey createApiKey(ClientQuery query);
}
