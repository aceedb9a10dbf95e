package io.customerclassification.application.port.in.identity;

import java.util.Optional;

/** What the server does on every start, for an operator who has not made a client yet. */
public interface CreateFirstAdminClientUseCase {

    /** The id the first admin client gets. */
    String FIRST_ADMIN_CLIENT_ID = "admin";

    /**
     * On a store with no client, creates the admin client {@value #FIRST_ADMIN_CLIENT_ID} with every permission
     * on every company; on any other store does nothing.
     *
     * @return the client created and its secret, to be shown once; empty when clients existed
     */
    Optional<ClientWithSecret> createFirstAdminClient();
}
