package io.customerclassification.application.inmemory;

import io.customerclassification.application.port.out.identity.AccessTokenClaims;
import io.customerclassification.application.port.out.identity.AccessTokenCodecPort;
import io.customerclassification.application.port.out.identity.GenerateSecretPort;
import io.customerclassification.application.port.out.identity.HashSecretPort;
import io.customerclassification.application.port.out.identity.SigningKey;
import io.customerclassification.domain.identity.ClientId;
import io.customerclassification.domain.identity.InvalidTokenException;
import io.customerclassification.domain.identity.InvalidTokenException.Reason;
import io.customerclassification.domain.shared.CompanyId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Fast stand-ins for the crypto out-ports, for application tests: a salted SHA-256 instead of the slow hash (it
 * counts how often it runs), counting ids and secrets of the real lengths, and a token format
 * {@code fake.<kid>.<payload>.<mac>} that a key of another id, or a changed payload, fails like a bad signature.
 * Tokens whose first part is not {@code fake} count as another issuer's.
 */
public final class FakeCrypto implements HashSecretPort, GenerateSecretPort, AccessTokenCodecPort {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final AtomicLong counter = new AtomicLong();
    private final AtomicInteger slowHashes = new AtomicInteger();
    private final AtomicInteger decodes = new AtomicInteger();

    /** How many slow hashes (hash or match) ran. */
    public int slowHashes() {
        return slowHashes.get();
    }

    /** How many tokens were decoded (signature checks). */
    public int decodes() {
        return decodes.get();
    }

    // ---- hashing

    @Override
    public String hashSecret(String secret) {
        slowHashes.incrementAndGet();
        String salt = "s" + counter.incrementAndGet();
        return "fake$" + salt + "$" + sha256(salt + secret);
    }

    @Override
    public boolean secretMatches(String secret, String hash) {
        slowHashes.incrementAndGet();
        String[] parts = hash.split("\\$");
        return parts.length == 3 && MessageDigest.isEqual(
                sha256(parts[1] + secret).getBytes(StandardCharsets.UTF_8), parts[2].getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String fingerprint(String token) {
        return sha256(token);
    }

    // ---- random values

    @Override
    public String newSecret() {
        return pad("secret" + counter.incrementAndGet(), 43);
    }

    @Override
    public String newIdentifier() {
        return pad("id" + counter.incrementAndGet(), 16);
    }

    private static String pad(String value, int length) {
        return (value + "_".repeat(length)).substring(0, length);
    }

    // ---- tokens

    @Override
    public SigningKey generateSigningKey(String keyId, Instant createdAt) {
        return new SigningKey(keyId, "FAKE", "material-" + keyId + "-" + counter.incrementAndGet(), createdAt, null);
    }

    @Override
    public String encode(AccessTokenClaims claims, SigningKey key) {
        String payload = String.join("|", claims.tokenId(), claims.clientId().value(),
                claims.user() == null ? "" : claims.user(),
                claims.companyLimit() == null ? "" : claims.companyLimit().toString(), claims.familyId(),
                Long.toString(claims.issuedAt().getEpochSecond()), Long.toString(claims.expiresAt().getEpochSecond()));
        String body = "fake." + key.keyId() + "." + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return body + "." + sha256(key.material() + body);
    }

    @Override
    public AccessTokenClaims decode(String token, List<SigningKey> keys, Instant now) {
        decodes.incrementAndGet();
        String[] parts = token.split("\\.");
        if (parts.length != 4) {
            throw new InvalidTokenException(Reason.MALFORMED);
        }
        if (!parts[0].equals("fake")) {
            throw new InvalidTokenException(Reason.UNKNOWN_ISSUER);
        }
        SigningKey key = keys.stream().filter(k -> k.keyId().equals(parts[1])).findFirst()
                .orElseThrow(() -> new InvalidTokenException(Reason.BAD_SIGNATURE));
        String body = parts[0] + "." + parts[1] + "." + parts[2];
        if (!sha256(key.material() + body).equals(parts[3])) {
            throw new InvalidTokenException(Reason.BAD_SIGNATURE);
        }
        String[] claims = new String(B64D.decode(parts[2]), StandardCharsets.UTF_8).split("\\|", -1);
        Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(claims[6]));
        if (!now.isBefore(expiresAt)) {
            throw new InvalidTokenException(Reason.EXPIRED);
        }
        return new AccessTokenClaims(claims[0], ClientId.of(claims[1]), claims[2].isEmpty() ? null : claims[2],
                claims[3].isEmpty() ? null : CompanyId.of(Long.parseLong(claims[3])), claims[4],
                Instant.ofEpochSecond(Long.parseLong(claims[5])), expiresAt);
    }

    @Override
    public String publicKeySet(List<SigningKey> keys) {
        return keys.stream()
                .map(key -> "{\"kty\":\"EC\",\"kid\":\"" + key.keyId() + "\",\"crv\":\"P-256\",\"x\":\"fake\",\"y\":\"fake\"}")
                .collect(Collectors.joining(",", "{\"keys\":[", "]}"));
    }

    private static String sha256(String text) {
        try {
            return B64.encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
