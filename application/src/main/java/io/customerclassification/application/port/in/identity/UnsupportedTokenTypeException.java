package io.customerclassification.application.port.in.identity;

/** RFC 7009's {@code unsupported_token_type}: the token endpoint does not revoke API keys. */
public final class UnsupportedTokenTypeException extends RuntimeException {

    public UnsupportedTokenTypeException() {
        super("API keys are revoked through the admin API (DELETE /admin/v1/clients/{clientId}/keys/{keyId})", null,
                false, false);
    }
}
