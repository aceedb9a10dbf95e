package io.customerclassification.adapter.security;

import io.customerclassification.application.port.out.identity.HashSecretPort;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Secrets hashed with Argon2id (RFC 9106) by Bouncy Castle, written in the PHC string format
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}) so that a hash carries the parameters it was made with and
 * stays verifiable when the defaults change. Comparison is in constant time.
 *
 * <p>Each hash holds {@code memoryKiB} of memory while it runs, so at most {@code concurrency} run at once: a burst
 * of token requests queues for the processors rather than growing the heap.
 */
public final class Argon2SecretHasher implements HashSecretPort {

    /**
     * Argon2id's cost: memory in KiB, passes over it, lanes. The default is OWASP's first recommended setting
     * (19 MiB, 2 passes, 1 lane).
     */
    public record Cost(int memoryKiB, int iterations, int parallelism) {

        public static final Cost DEFAULT = new Cost(19 * 1024, 2, 1);

        public Cost {
            if (memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB || iterations < 1 || iterations > MAX_ITERATIONS
                    || parallelism < 1 || parallelism > MAX_PARALLELISM) {
                throw new IllegalArgumentException("unsupported Argon2 cost m=" + memoryKiB + ", t=" + iterations
                        + ", p=" + parallelism);
            }
        }
    }

    private static final int MAX_MEMORY_KIB = 1024 * 1024;
    private static final int MAX_ITERATIONS = 64;
    private static final int MAX_PARALLELISM = 16;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final MessageDigest SHA_256 = digest("SHA-256");
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,2}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{16,64})\\$([A-Za-z0-9+/]{16,128})");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();
    private static final Base64.Encoder B64_URL = Base64.getUrlEncoder().withoutPadding();

    private final Cost cost;
    private final Semaphore running;
    private final SecureRandom random = new SecureRandom();

    public Argon2SecretHasher(Cost cost, int concurrency) {
        this.cost = Objects.requireNonNull(cost, "cost");
        this.running = new Semaphore(Math.max(1, concurrency), true);
    }

    /** The default cost, as many at once as the machine has processors. */
    public static Argon2SecretHasher withDefaults() {
        return new Argon2SecretHasher(Cost.DEFAULT, Runtime.getRuntime().availableProcessors());
    }

    @Override
    public String hashSecret(String secret) {
        Objects.requireNonNull(secret, "secret");
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = argon2(secret, salt, cost, HASH_BYTES);
        return "$argon2id$v=19$m=" + cost.memoryKiB() + ",t=" + cost.iterations() + ",p=" + cost.parallelism()
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /** A hash that is not in the format this hasher writes, or names a cost out of bounds, matches nothing. */
    @Override
    public boolean secretMatches(String secret, String hash) {
        if (secret == null || hash == null) {
            return false;
        }
        Matcher phc = PHC.matcher(hash);
        if (!phc.matches()) {
            return false;
        }
        Cost stored;
        try {
            stored = new Cost(Integer.parseInt(phc.group(1)), Integer.parseInt(phc.group(2)),
                    Integer.parseInt(phc.group(3)));
        } catch (IllegalArgumentException e) {
            return false;
        }
        byte[] salt = B64_DECODER.decode(phc.group(4));
        byte[] expected = B64_DECODER.decode(phc.group(5));
        return MessageDigest.isEqual(expected, argon2(secret, salt, stored, expected.length));
    }

    @Override
    public String fingerprint(String token) {
        return B64_URL.encodeToString(sha256().digest(token.getBytes(StandardCharsets.UTF_8)));
    }

    /** A SHA-256 digest of its own, copied from one made once: every request's credential is fingerprinted. */
    private static MessageDigest sha256() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 cannot be copied", e);
        }
    }

    private byte[] argon2(String secret, byte[] salt, Cost with, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(with.memoryKiB())
                .withIterations(with.iterations())
                .withParallelism(with.parallelism())
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        running.acquireUninterruptibly();
        try {
            generator.generateBytes(secret.getBytes(StandardCharsets.UTF_8), out);
        } finally {
            running.release();
        }
        return out;
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no " + algorithm, e);
        }
    }
}
