package io.customerclassification.application.port.in.identity;

import io.customerclassification.application.port.in.Caller;
import io.customerclassification.domain.identity.Client;
import java.util.List;

public interface ListClientsUseCase {

    /**
     * Every client, ordered by id (never a secret).
     *
     * @throws io.customerclassification.domain.identity.AdminRequiredException unless the caller is an admin
     */
    List<Client> listClients(Caller caller);
}
