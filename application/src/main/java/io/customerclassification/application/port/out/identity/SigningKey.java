package io.customerclassification.application.port.out.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * A key pair that signs access tokens, in the form the token codec made it: {@code material} holds the private
 * key (and so the public one), opaque to everything but the codec. {@link #toString()} never shows it.
 *
 * @param retiredAt when a newer key took over signing, or {@code null} while this one signs
 */
public record SigningKey(String keyId, String algorithm, String material, Instant createdAt, Instant retiredAt) {

    public SigningKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(material, "material");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public boolean isRetired() {
        return retiredAt != null;
    }

    @Override
    public String toString() {
        return "SigningKey[keyId=" + keyId + ", algorithm=" + algorithm + ", createdAt=" + createdAt
                + ", retiredAt=" + retiredAt + ", material=(hidden)]";
    }
}
