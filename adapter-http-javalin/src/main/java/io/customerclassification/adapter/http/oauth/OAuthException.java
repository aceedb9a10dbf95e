package io.customerclassification.adapter.http.oauth;

/**
 * A refusal of the token endpoints in RFC 6749 §5.2's terms: the HTTP status, the {@code error} code and an
 * {@code error_description} that never contains a secret or a token.
 */
final class OAuthException extends RuntimeException {

    private final int status;
    private final String error;

    OAuthException(int status, String error, String description) {
        super(description, null, false, false);
        this.status = status;
        this.error = error;
    }

    static OAuthException invalidRequest(String description) {
        return new OAuthException(400, "invalid_request", description);
    }

    int status() {
        return status;
    }

    String error() {
        return error;
    }
}
