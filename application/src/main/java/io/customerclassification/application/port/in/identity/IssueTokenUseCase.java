package io.customerclassification.application.port.in.identity;

/** The OAuth 2.0 {@code client_credentials} grant (RFC 6749 §4.4). */
public interface IssueTokenUseCase {

    /**
     * @throws io.customerclassification.domain.identity.TooManyFailedAuthenticationsException when the client id
     *     had too many failed authentications within the last minute (checked before the secret)
     * @throws io.customerclassification.domain.identity.InvalidClientException when the id or secret is wrong
     */
    IssuedTokens issueToken(IssueTokenCommand command);
}
