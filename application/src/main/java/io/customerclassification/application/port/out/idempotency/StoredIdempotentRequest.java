package io.customerclassification.application.port.out.idempotency;

import io.customerclassification.application.model.RecordedAnswer;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * What the store keeps of a request made with an idempotency key.
 *
 * @param claim the token of the run that claimed the key: only it may record the answer or release the key
 * @param claimedAt when that run claimed the key
 * @param expiresAt when the key is forgotten
 * @param answer the first answer, or null while the request is running
 */
public record StoredIdempotentRequest(byte[] fingerprint, long claim, Instant claimedAt, Instant expiresAt,
        RecordedAnswer answer) {

    public StoredIdempotentRequest {
        fingerprint = Objects.requireNonNull(fingerprint, "fingerprint").clone();
        Objects.requireNonNull(claimedAt, "claimedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public byte[] fingerprint() {
        return fingerprint.clone();
    }

    public Optional<RecordedAnswer> firstAnswer() {
        return Optional.ofNullable(answer);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredIdempotentRequest that && Arrays.equals(fingerprint, that.fingerprint)
                && claim == that.claim && claimedAt.equals(that.claimedAt) && expiresAt.equals(that.expiresAt)
                && Objects.equals(answer, that.answer);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(fingerprint), claim, claimedAt, expiresAt, answer);
    }
}
