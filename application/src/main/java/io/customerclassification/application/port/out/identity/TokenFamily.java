package io.customerclassification.application.port.out.identity;

import io.customerclassification.domain.identity.ClientId;
import io.customerclassification.domain.shared.CompanyId;
import java.time.Instant;
import java.util.Objects;

/**
 * The tokens issued from one {@code client_credentials} grant and its refreshes: every access token names its
 * family, and revoking the family ends them all.
 *
 * @param user the user the tokens name, or {@code null}
 * @param companyLimit the company the tokens are limited to, or {@code null}
 * @param expiresAt when its refresh tokens stop working: the family's lifetime is fixed when it is created, so
 *     that a client authenticates with its secret again at least that often
 * @param revokedAt when the family was revoked, or {@code null} while it is live
 */
public record TokenFamily(
        String familyId, ClientId clientId, String user, CompanyId companyLimit, Instant createdAt,
        Instant expiresAt, Instant revokedAt) {

    public TokenFamily {
        Objects.requireNonNull(familyId, "familyId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }
}
