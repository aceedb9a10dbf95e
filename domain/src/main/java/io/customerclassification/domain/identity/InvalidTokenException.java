package io.customerclassification.domain.identity;

import io.customerclassification.domain.shared.AuthenticationFailedException;

/** A request's bearer credential (access token or API key) is missing or not accepted; the reason says why. */
public final class InvalidTokenException extends AuthenticationFailedException {

    /** Why the credential is not accepted, each with the sentence a client is told. */
    public enum Reason {
        MISSING("No access token was sent"),
        MALFORMED("The access token is malformed"),
        BAD_SIGNATURE("The access token's signature is not valid"),
        UNKNOWN_ISSUER("The access token was not issued by this server or a trusted issuer"),
        EXPIRED("The access token has expired"),
        NOT_YET_VALID("The access token is not valid yet"),
        REVOKED("The access token has been revoked"),
        UNKNOWN_CLIENT("The access token's client no longer exists"),
        UNKNOWN_API_KEY("The API key is not valid");

        private final String message;

        Reason(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    private final Reason reason;

    public InvalidTokenException(Reason reason) {
        super(reason.message());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
