package io.customerclassification.domain.identity;

import io.customerclassification.domain.shared.AuthenticationFailedException;

/** A refresh token that is unknown, expired, already used, revoked, or issued to another client. */
public final class InvalidGrantException extends AuthenticationFailedException {

    /** Why the refresh token is not accepted. */
    public enum Reason {
        UNKNOWN("The refresh token is not valid"),
        EXPIRED("The refresh token has expired"),
        REUSED("The refresh token was used already; every token issued from it is revoked"),
        REVOKED("The refresh token has been revoked"),
        OTHER_CLIENT("The refresh token was issued to another client");

        private final String message;

        Reason(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    private final Reason reason;

    public InvalidGrantException(Reason reason) {
        super(reason.message());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
