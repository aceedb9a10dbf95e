package io.customerclassification.application.port.out.identity;

import io.customerclassification.domain.identity.ClientId;
import io.customerclassification.domain.shared.CompanyId;
import java.time.Instant;
import java.util.Objects;

/**
 * What an access token of this server says.
 *
 * @param tokenId unique per token ({@code jti}), what single revocations name
 * @param user the user, or {@code null}
 * @param companyLimit the company the token is limited to, or {@code null}
 * @param familyId the token family it was issued from; revoking the family ends it
 */
public record AccessTokenClaims(
        String tokenId, ClientId clientId, String user, CompanyId companyLimit, String familyId, Instant issuedAt,
        Instant expiresAt) {

    public AccessTokenClaims {
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(familyId, "familyId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
