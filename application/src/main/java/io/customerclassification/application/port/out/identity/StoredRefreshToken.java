package io.customerclassification.application.port.out.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * A refresh token as the store keeps it: the SHA-256 fingerprint of the token (never the token), its family
 * (which sets its lifetime), and when it was redeemed ({@code null} until then).
 */
public record StoredRefreshToken(String fingerprint, String familyId, Instant issuedAt, Instant usedAt) {

    public StoredRefreshToken {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(familyId, "familyId");
        Objects.requireNonNull(issuedAt, "issuedAt");
    }

    public boolean isUsed() {
        return usedAt != null;
    }
}
