package io.customerclassification.domain.identity;

import io.customerclassification.domain.shared.AuthenticationFailedException;
import java.time.Duration;

/** A client id had too many failed authentications lately; every attempt is refused until the window ends. */
public final class TooManyFailedAuthenticationsException extends AuthenticationFailedException {

    private final ClientId clientId;
    private final Duration retryAfter;

    public TooManyFailedAuthenticationsException(ClientId clientId, Duration retryAfter) {
        super("Too many failed authentications for client " + clientId + "; retry after "
                + retryAfter.toSeconds() + " s");
        this.clientId = clientId;
        this.retryAfter = retryAfter;
    }

    public ClientId clientId() {
        return clientId;
    }

    /** How long until attempts are accepted again: at least one second, at most the window. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
