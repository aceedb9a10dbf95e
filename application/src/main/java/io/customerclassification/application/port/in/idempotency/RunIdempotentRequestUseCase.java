package io.customerclassification.application.port.in.idempotency;

/**
 * Runs a request made with an idempotency key at most once (CONTRACT §3.2): the first time, its work and the record
 * of its answer commit together; a retry of the same client with the same key and the same request, within the
 * retention, gets that answer again and does nothing. Keys are kept in the store, so they survive restarts and are
 * shared by every instance over it.
 */
public interface RunIdempotentRequestUseCase {

    /**
     * @throws IdempotencyKeyReusedException when the key was used for another request (another fingerprint)
     * @throws RequestInProgressException when a request with the key is still running
     */
    IdempotentOutcome runIdempotentRequest(RunIdempotentRequestCommand command, IdempotentRequest request);
}
