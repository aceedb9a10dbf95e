package io.customerclassification.application.port.out.identity;

import java.time.Instant;

/** Access tokens revoked one by one (RFC 7009), kept until they would have expired anyway. */
public interface RevokeAccessTokenPort {

    void revokeAccessToken(String tokenId, Instant expiresAt);

    boolean isAccessTokenRevoked(String tokenId);

    /** Forgets revocations of tokens that expired before {@code before}, without reading the others. */
    void forgetAccessTokenRevocationsExpiredBefore(Instant before);
}
