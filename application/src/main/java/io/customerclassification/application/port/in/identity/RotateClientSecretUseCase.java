package io.customerclassification.application.port.in.identity;

public interface RotateClientSecretUseCase {

    /**
     * Gives the client a new random secret, returned this once; the old secret stops working and the client's
     * access and refresh tokens are revoked (its API keys are not).
     *
     * @throws io.customerclassification.domain.identity.AdminRequiredException unless the caller is an admin
     * @throws io.customerclassification.domain.identity.ClientNotFoundException
     */
    ClientWithSecret rotateClientSecret(ClientQuery query);
}
