package io.customerclassification.application.port.out.identity;

import io.customerclassification.domain.identity.ClientId;

public interface DeleteClientPort {

    /**
     * Deletes the client with everything that is its own: grants, API keys, token families and their refresh
     * tokens.
     *
     * @return whether it existed
     */
    boolean deleteClient(ClientId id);
}
