package io.customerclassification.application.port.out.identity;

import io.customerclassification.domain.identity.Client;
import io.customerclassification.domain.identity.ClientId;

public interface SaveClientPort {

    /** @throws io.customerclassification.domain.identity.ClientAlreadyExistsException when the id is taken */
    void insertClient(StoredClient client);

    /** Replaces the admin flag and the grants of an existing client. */
    void updateClient(Client client);

    void updateClientSecret(ClientId id, String secretHash);
}
