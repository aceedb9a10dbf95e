package io.customerclassification.application.port.in.identity;

/** Token revocation (RFC 7009). */
public interface RevokeTokenUseCase {

    /**
     * Ends an access token, or a refresh token and every access token issued from its family. A token that is
     * unknown, malformed or already expired is ignored (RFC 7009 §2.2).
     *
     * @throws io.customerclassification.domain.identity.InvalidClientException when the client cannot authenticate
     * @throws io.customerclassification.domain.identity.InvalidGrantException when the token is another client's
     * @throws UnsupportedTokenTypeException for an API key, which the admin API revokes
     */
    void revokeToken(RevokeTokenCommand command);
}
