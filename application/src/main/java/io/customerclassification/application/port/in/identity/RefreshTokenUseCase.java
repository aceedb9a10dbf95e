package io.customerclassification.application.port.in.identity;

/** The OAuth 2.0 {@code refresh_token} grant (RFC 6749 §6) with rotation and reuse detection (RFC 9700). */
public interface RefreshTokenUseCase {

    /**
     * Answers new tokens of the same family; the refresh token presented stops working. A refresh token that
     * was used already revokes its whole family, refresh and access tokens.
     *
     * @throws io.customerclassification.domain.identity.InvalidClientException when the client cannot authenticate
     * @throws io.customerclassification.domain.identity.InvalidGrantException when the refresh token is unknown,
     *     expired, reused, revoked or another client's
     */
    IssuedTokens refreshToken(RefreshTokenCommand command);
}
