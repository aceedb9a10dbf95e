package io.customerclassification.application.port.out.identity;

import java.time.Instant;

/** Verifies tokens of a trusted external OpenID Connect issuer against its published keys. */
public interface VerifyExternalTokenPort {

    /**
     * @throws io.customerclassification.domain.identity.InvalidTokenException when the token is not the issuer's,
     *     is malformed, badly signed, expired, or carries no readable grants
     */
    ExternalIdentity verifyExternalToken(String token, Instant now);
}
