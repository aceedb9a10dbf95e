package io.customerclassification.application.port.in.identity;

import io.customerclassification.domain.identity.Client;

public interface UpdateClientUseCase {

    /**
     * Changes the admin flag and/or replaces the grants; the change applies at once, to tokens already issued
     * too.
     *
     * @throws io.customerclassification.domain.identity.AdminRequiredException unless the caller is an admin
     * @throws io.customerclassification.domain.identity.ClientNotFoundException
     */
    Client updateClient(UpdateClientCommand command);
}
