package io.customerclassification.application.port.out.identity;

import io.customerclassification.domain.identity.ClientId;
import java.time.Instant;

public interface SaveTokenFamilyPort {

    /** The family's client must exist. */
    void insertTokenFamily(TokenFamily family);

    /** The token's family must exist. */
    void insertRefreshToken(StoredRefreshToken token);

    void markRefreshTokenUsed(String fingerprint, Instant at);

    /** Revokes the family (a revoked family stays so); its refresh tokens stop working with it. */
    void revokeTokenFamily(String familyId, Instant at);

    /** Revokes every live family of the client. */
    void revokeTokenFamilies(ClientId clientId, Instant at);

    /** Deletes the families that expired before {@code before}, with their refresh tokens, without reading the others. */
    void deleteTokenFamiliesExpiredBefore(Instant before);
}
