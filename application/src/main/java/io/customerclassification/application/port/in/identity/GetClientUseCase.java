package io.customerclassification.application.port.in.identity;

import io.customerclassification.domain.identity.Client;

public interface GetClientUseCase {

    /**
     * @throws io.customerclassification.domain.identity.AdminRequiredException unless the caller is an admin
     * @throws io.customerclassification.domain.identity.ClientNotFoundException
     */
    Client getClient(ClientQuery query);
}
