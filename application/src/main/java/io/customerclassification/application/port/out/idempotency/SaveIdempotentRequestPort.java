package io.customerclassification.application.port.out.idempotency;

import io.customerclassification.application.model.RecordedAnswer;
import java.time.Instant;

/** The writes of the idempotency keys; the service makes each in a write transaction with what it decides on. */
public interface SaveIdempotentRequestPort {

    /**
     * Claims the client's key for a run of a request (token {@code claim}), replacing whatever the store kept under
     * it (an expired key, or a claim abandoned by a run that never answered).
     */
    void claimIdempotentRequest(String client, String key, byte[] fingerprint, long claim, Instant claimedAt,
            Instant expiresAt);

    /**
     * Records the first answer of the run that holds the claim.
     *
     * @return false when the key is no longer claimed by {@code claim} (another run took it over), and nothing changed
     */
    boolean recordIdempotentAnswer(String client, String key, long claim, RecordedAnswer answer);

    /** Forgets the key if {@code claim} still holds it without an answer, so that a retry may run the request again. */
    void releaseIdempotentRequest(String client, String key, long claim);

    /**
     * Forgets at most {@code limit} keys that expired by {@code now}, the oldest first, without reading the others.
     *
     * @return how many were forgotten
     */
    int deleteExpiredIdempotentRequests(Instant now, int limit);
}
