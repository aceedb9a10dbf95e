package io.customerclassification.application.port.in.identity;

public interface CreateClientUseCase {

    /**
     * Creates a client with a new random secret, returned this once and stored only as a slow hash.
     *
     * @throws io.customerclassification.domain.identity.AdminRequiredException unless the caller is an admin
     * @throws io.customerclassification.domain.identity.ClientAlreadyExistsException when the id is taken
     */
    ClientWithSecret createClient(CreateClientCommand command);
}
