package io.customerclassification.domain.identity;

import io.customerclassification.domain.shared.AuthenticationFailedException;

/**
 * A client could not authenticate with its id and secret. Unknown clients and wrong secrets get the same
 * refusal, so that the answer does not reveal which client ids exist.
 */
public final class InvalidClientException extends AuthenticationFailedException {

    public InvalidClientException() {
        super("Client authentication failed");
    }
}
