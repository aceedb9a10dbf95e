package io.customerclassification.application.port.in.identity;

public interface DeleteClientUseCase {

    /**
     * Deletes the client with its grants and API keys; its access and refresh tokens stop working at once.
     *
     * @throws io.customerclassification.domain.identity.AdminRequiredException unless the caller is an admin
     * @throws io.customerclassification.domain.identity.ClientNotFoundException
     */
    void deleteClient(ClientQuery query);
}
