package io.customerclassification.application.port.in.identity;

import java.util.List;

public interface ListApiKeysUseCase {

    /**
     * The client's API keys, oldest first (never the keys themselves).
     *
     * @throws io.customerclassification.domain.identity.AdminRequiredException unless the caller is an admin
     * @throws io.customerclassification.domain.identity.ClientNotFoundException
     */
    List<ApiKeyInfo> listApiKeys(ClientQuery query);
}
