package io.customerclassification.application.port.out.identity;

import io.customerclassification.domain.identity.Client;
import io.customerclassification.domain.identity.ClientId;
import java.util.List;
import java.util.Optional;

public interface LoadClientPort {

    Optional<StoredClient> loadClient(ClientId id);

    /** Every client with its grants, ordered by id. */
    List<Client> loadAllClients();

    boolean anyClientExists();
}
