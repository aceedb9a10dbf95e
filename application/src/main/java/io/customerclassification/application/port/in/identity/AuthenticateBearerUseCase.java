package io.customerclassification.application.port.in.identity;

import io.customerclassification.application.port.in.Caller;

/** Turns the bearer credential of a request (an access token or an API key) into the {@link Caller}. */
public interface AuthenticateBearerUseCase {

    /**
     * Checks the credential against the store as it is now: a revoked token, a deleted client or key, changed
     * grants apply at once.
     *
     * @param credential what follows {@code Bearer } in the {@code Authorization} header, or {@code null}
     * @throws io.customerclassification.domain.identity.InvalidTokenException saying why it is not accepted
     */
    Caller authenticate(String credential);
}
