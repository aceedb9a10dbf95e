package io.customerclassification.application.port.in.identity;

import java.util.Objects;

/**
 * A new API key, shown this once: {@code keyId} names it (for listing and revocation), {@code apiKey} is the
 * bearer credential. {@link #toString()} never shows the key.
 */
public record CreatedApiKey(String keyId, String apiKey) {

    public CreatedApiKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(apiKey, "apiKey");
    }

    @Override
    public String toString() {
        return "CreatedApiKey[keyId=" + keyId + ", apiKey=(hidden)]";
    }
}
