package io.customerclassification.application.service;

import io.customerclassification.application.model.RecordedAnswer;
import io.customerclassification.application.port.in.idempotency.IdempotencyKeyReusedException;
import io.customerclassification.application.port.in.idempotency.IdempotentOutcome;
import io.customerclassification.application.port.in.idempotency.IdempotentRequest;
import io.customerclassification.application.port.in.idempotency.RequestInProgressException;
import io.customerclassification.application.port.in.idempotency.RunIdempotentRequestCommand;
import io.customerclassification.application.port.in.idempotency.RunIdempotentRequestUseCase;
import io.customerclassification.application.port.out.TransactionPort;
import io.customerclassification.application.port.out.idempotency.LoadIdempotentRequestPort;
import io.customerclassification.application.port.out.idempotency.SaveIdempotentRequestPort;
import io.customerclassification.application.port.out.idempotency.StoredIdempotentRequest;
import io.customerclassification.domain.identity.Permission;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Requests made with an idempotency key, run at most once (CONTRACT §3.2). What the store keeps under the key is read
 * first without a transaction, so that a retry of a request that is answered, or still running, is answered at once
 * (the first answer again, or 409) without waiting for the writers: the run it retries may hold the store's write lock
 * for its work. Otherwise the run claims the key in a write transaction of its own (deciding again there, as another
 * run may have claimed it since), then does the request's work and records its answer together in one write
 * transaction, so that a crash or a failure can never leave work done without its answer, nor an answer without its
 * work. A claim that was never answered (its server died) is taken over after {@link #LEASE}; the answer is recorded
 * only under the claim of the run that did the work, so a run whose claim was taken over rolls its work back rather
 * than doing it twice.
 *
 * <p>Every key is the caller's own (the store keeps it as (client, key)), and the caller's {@code add} permission is
 * checked before any key is read, so a refused caller learns nothing of the keys either.
 */
public final class IdempotencyService implements RunIdempotentRequestUseCase {

    /** How long a key and its first answer are kept. */
    public static final Duration RETENTION = Duration.ofHours(24);
    /**
     * How long a claim without an answer counts as a run still going. Longer than any request takes (a write waits at
     * most a few seconds for the store), so only a run whose server stopped leaves a claim this old.
     */
    public static final Duration LEASE = Duration.ofSeconds(60);
    /** Expired keys forgotten by each claim: a bounded amount of work, through the expiry index. */
    static final int EXPIRED_PER_CLAIM = 100;

    /** The out-ports this service needs. */
    public record Ports(LoadIdempotentRequestPort load, SaveIdempotentRequestPort save, TransactionPort transaction) {

        /** The ports from the store that implements both. */
        public static <S extends LoadIdempotentRequestPort & SaveIdempotentRequestPort> Ports of(S store,
                TransactionPort transaction) {
            return new Ports(store, store, transaction);
        }
    }

    private final Ports ports;
    private final Clock clock;
    private final Authorization authorization = new Authorization();

    public IdempotencyService(Ports ports, Clock clock) {
        this.ports = ports;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public IdempotentOutcome runIdempotentRequest(RunIdempotentRequestCommand command, IdempotentRequest request) {
        authorization.require(command.caller(), command.companyId(), command.resource(), Permission.ADD);
        Optional<RecordedAnswer> first = firstAnswer(command, clock.instant());
        if (first.isEmpty()) {
            long claim = ThreadLocalRandom.current().nextLong();
            first = ports.transaction().inTransaction(() -> claim(command, claim));
            if (first.isEmpty()) {
                return new IdempotentOutcome(run(command, claim, request), false);
            }
        }
        return new IdempotentOutcome(first.get(), true);
    }

    /**
     * The first answer to give again, when the key holds one for this request.
     *
     * @throws IdempotencyKeyReusedException when the key holds another request
     * @throws RequestInProgressException when the key's run has not answered yet and has not been abandoned
     */
    private Optional<RecordedAnswer> firstAnswer(RunIdempotentRequestCommand command, Instant now) {
        Optional<StoredIdempotentRequest> stored = ports.load().loadIdempotentRequest(command.client(), command.key())
                .filter(request -> request.expiresAt().isAfter(now));
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        if (!command.fingerprintIs(stored.get().fingerprint())) {
            throw new IdempotencyKeyReusedException(command.key());
        }
        if (stored.get().firstAnswer().isEmpty() && stored.get().claimedAt().plus(LEASE).isAfter(now)) {
            throw new RequestInProgressException(command.key());
        }
        return stored.get().firstAnswer();
    }

    /** In a write transaction: the first answer to give again, or empty once the key is claimed for this run. */
    private Optional<RecordedAnswer> claim(RunIdempotentRequestCommand command, long claim) {
        Instant now = clock.instant();
        Optional<RecordedAnswer> first = firstAnswer(command, now);
        if (first.isEmpty()) {
            ports.save().deleteExpiredIdempotentRequests(now, EXPIRED_PER_CLAIM);
            ports.save().claimIdempotentRequest(command.client(), command.key(), command.fingerprint(), claim, now,
                    now.plus(RETENTION));
        }
        return first;
    }

    /** The request's work and the record of its answer (or of its final refusal) under this run's claim. */
    private RecordedAnswer run(RunIdempotentRequestCommand command, long claim, IdempotentRequest request) {
        try {
            return ports.transaction().inTransaction(() -> {
                RecordedAnswer answer = request.work().get();
                record(command, claim, answer);
                return answer;
            });
        } catch (RequestInProgressException lost) {
            throw lost;
        } catch (RuntimeException refusal) {
            Optional<RecordedAnswer> answer = request.answerToRefusal().apply(refusal);
            if (answer.isEmpty()) {
                release(command, claim, refusal);
                throw refusal;
            }
            ports.transaction().inTransaction(() -> record(command, claim, answer.get()));
            return answer.get();
        }
    }

    private void record(RunIdempotentRequestCommand command, long claim, RecordedAnswer answer) {
        if (!ports.save().recordIdempotentAnswer(command.client(), command.key(), claim, answer)) {
            throw new RequestInProgressException(command.key()); // taken over: this run's work rolls back
        }
    }

    /** Lets a retry run the request again; when even that fails, the claim runs out after {@link #LEASE}. */
    private void release(RunIdempotentRequestCommand command, long claim, RuntimeException cause) {
        try {
            ports.transaction().inTransaction(() -> ports.save().releaseIdempotentRequest(command.client(),
                    command.key(), claim));
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}
