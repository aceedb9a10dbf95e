package io.customerclassification.application.service;

import io.customerclassification.application.port.out.identity.LoadSigningKeysPort;
import io.customerclassification.application.port.out.identity.SigningKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The signing keys as the store held them at an identity version, read again when the version moves (a key
 * rotation moves it), so that every instance signs with the newest key and accepts the retired ones only while
 * tokens they signed can still be live.
 */
final class SigningKeys {

    private record Snapshot(long version, List<SigningKey> keys) {}

    private final LoadSigningKeysPort load;
    private final Duration accessLifetime;
    private volatile Snapshot snapshot;

    SigningKeys(LoadSigningKeysPort load, Duration accessLifetime) {
        this.load = load;
        this.accessLifetime = accessLifetime;
    }

    private List<SigningKey> at(long version) {
        Snapshot current = snapshot;
        if (current == null || current.version() != version) {
            current = new Snapshot(version, List.copyOf(load.loadSigningKeys()));
            snapshot = current;
        }
        return current.keys();
    }

    /** The key that signs: the newest that is not retired. */
    SigningKey signing(long version) {
        return at(version).stream().filter(key -> !key.isRetired()).findFirst()
                .orElseThrow(() -> new IllegalStateException("the store holds no signing key; ensure one at start"));
    }

    /** The keys a token that is still live may be signed with. */
    List<SigningKey> verifying(long version, Instant now) {
        return at(version).stream()
                .filter(key -> !key.isRetired() || key.retiredAt().plus(accessLifetime).isAfter(now))
                .toList();
    }

    boolean anySigning(long version) {
        return at(version).stream().anyMatch(key -> !key.isRetired());
    }
}
