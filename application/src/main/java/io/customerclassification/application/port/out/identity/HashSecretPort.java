package io.customerclassification.application.port.out.identity;

/** Hashing of secrets: slow and salted for what is stored, fast for cache keys of high-entropy tokens. */
public interface HashSecretPort {

    /** A slow, salted, self-describing hash of {@code secret}, for storing. */
    String hashSecret(String secret);

    /** Whether {@code secret} matches {@code hash} (made by {@link #hashSecret}); compares in constant time. */
    boolean secretMatches(String secret, String hash);

    /**
     * A fast one-way fingerprint (SHA-256, base64url) of a random, high-entropy token: the key under which a
     * verified credential is remembered, and how refresh tokens are found without keeping them.
     */
    String fingerprint(String token);
}
