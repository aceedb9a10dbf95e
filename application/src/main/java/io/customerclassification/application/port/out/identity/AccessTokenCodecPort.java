package io.customerclassification.application.port.out.identity;

import java.time.Instant;
import java.util.List;

/** Signs and verifies this server's access tokens, and makes and publishes the keys for it. */
public interface AccessTokenCodecPort {

    /** A new key pair with this id, in the form {@link SigningKey#material()} keeps it. */
    SigningKey generateSigningKey(String keyId, Instant createdAt);

    /** The signed token carrying {@code claims}, signed with {@code key}. */
    String encode(AccessTokenClaims claims, SigningKey key);

    /**
     * Verifies {@code token} against {@code keys} and reads its claims.
     *
     * @throws io.customerclassification.domain.identity.InvalidTokenException with reason {@code MALFORMED},
     *     {@code BAD_SIGNATURE}, {@code UNKNOWN_ISSUER} (not signed by this server), {@code EXPIRED} or
     *     {@code NOT_YET_VALID}
     */
    AccessTokenClaims decode(String token, List<SigningKey> keys, Instant now);

    /** The public halves of {@code keys} as a JWK Set document (RFC 7517 §5). */
    String publicKeySet(List<SigningKey> keys);
}
