package io.customerclassification.domain.shared;

/**
 * The caller could not be identified: no credentials, or credentials (a secret, a token, a key) that are wrong,
 * expired or revoked. Messages never contain the credential itself.
 */
public non-sealed abstract class AuthenticationFailedException extends DomainException {

    protected AuthenticationFailedException(String message) {
        super(message);
    }
}
