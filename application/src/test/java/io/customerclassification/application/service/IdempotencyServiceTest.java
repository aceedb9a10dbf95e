package io.customerclassification.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.application.inmemory.InMemoryApplication;
import io.customerclassification.application.model.RecordedAnswer;
import io.customerclassification.application.port.in.customerprofile.CreateCustomerProfileCommand;
import io.customerclassification.application.port.in.customerprofile.DeleteCustomerProfileCommand;
import io.customerclassification.application.port.in.customerprofile.ListCustomerProfilesQuery;
import io.customerclassification.application.port.in.idempotency.IdempotencyKeyReusedException;
import io.customerclassification.application.port.in.idempotency.IdempotentOutcome;
import io.customerclassification.application.port.in.idempotency.IdempotentRequest;
import io.customerclassification.application.port.in.idempotency.RequestInProgressException;
import io.customerclassification.application.port.in.idempotency.RunIdempotentRequestCommand;
import io.customerclassification.application.port.out.StoreBusyException;
import io.customerclassification.application.query.Criteria;
import io.customerclassification.application.query.Paging;
import io.customerclassification.domain.customerprofile.CustomerProfile;
import io.customerclassification.domain.customerprofile.CustomerProfileId;
import io.customerclassification.domain.customerprofile.DuplicateCustomerProfileNameException;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import jakarta.validation.ConstraintViolationException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Requests made with an idempotency key (CONTRACT §3.2), over the in-memory store and a clock the tests move. */
class IdempotencyServiceTest {

    private static final CompanyId C0 = CompanyId.DEFAULT;

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-05-13T09:30:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final InMemoryApplication app = InMemoryApplication.create(clock);
    private final IdempotencyService idempotency = app.idempotency();
    private final AtomicInteger runs = new AtomicInteger();

    private static RunIdempotentRequestCommand command(String key, String body) {
        return new RunIdempotentRequestCommand("client", key, body.getBytes(StandardCharsets.UTF_8));
    }

    /** A request that creates a profile and answers 201 with its id, or 422 when the name is taken. */
    private IdempotentRequest creating(String name) {
        return new IdempotentRequest(() -> {
            runs.incrementAndGet();
            CustomerProfile created = app.profiles().createCustomerProfile(
                    new CreateCustomerProfileCommand(C0, Name.of(name), false));
            return new RecordedAnswer(201, Map.of("Resource-ID", created.id().toString()),
                    ("{\"ID\":" + created.id() + "}").getBytes(StandardCharsets.UTF_8));
        }, refusal -> refusal instanceof DuplicateCustomerProfileNameException
                ? Optional.of(new RecordedAnswer(422, Map.of(), "taken".getBytes(StandardCharsets.UTF_8)))
                : Optional.empty());
    }

    private long profiles() {
        return app.profiles().listCustomerProfiles(new ListCustomerProfilesQuery(C0, Criteria.all(Paging.of(0, 10))))
                .total();
    }

    @Test
    void theFirstRunDoesTheWorkAndEveryRetryGetsItsAnswerAgainDoingNothing() {
        IdempotentOutcome first = idempotency.runIdempotentRequest(command("k1", "Gold"), creating("Gold"));
        assertFalse(first.replayed());
        assertEquals(201, first.answer().status());
        for (int retry = 0; retry < 3; retry++) {
            IdempotentOutcome again = idempotency.runIdempotentRequest(command("k1", "Gold"), creating("Gold"));
            assertTrue(again.replayed());
            assertEquals(first.answer(), again.answer());
        }
        assertEquals(1, runs.get());
        assertEquals(1, profiles());
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefusedAndDoesNothing() {
        idempotency.runIdempotentRequest(command("k1", "Gold"), creating("Gold"));
        IdempotencyKeyReusedException reused = assertThrows(IdempotencyKeyReusedException.class,
                () -> idempotency.runIdempotentRequest(command("k1", "Silver"), creating("Silver")));
        assertEquals("k1", reused.key());
        assertEquals(1, runs.get());
        assertEquals(1, profiles());
        assertFalse(idempotency.runIdempotentRequest(new RunIdempotentRequestCommand("other client", "k1",
                "Silver".getBytes(StandardCharsets.UTF_8)), creating("Silver")).replayed(), "another client's key");
        assertEquals(2, profiles());
    }

    @Test
    void aFinalRefusalIsTheFirstAnswerAndRetriesGetItAgain() {
        app.profiles().createCustomerProfile(new CreateCustomerProfileCommand(C0, Name.of("Gold"), false));
        IdempotentOutcome first = idempotency.runIdempotentRequest(command("k1", "Gold"), creating("Gold"));
        assertEquals(422, first.answer().status());
        assertFalse(first.replayed());
        app.profiles().deleteCustomerProfile(new DeleteCustomerProfileCommand(C0, CustomerProfileId.of(1)));
        IdempotentOutcome again = idempotency.runIdempotentRequest(command("k1", "Gold"), creating("Gold"));
        assertTrue(again.replayed());
        assertEquals(422, again.answer().status(), "the first answer, though the name is free now");
        assertEquals(0, profiles(), "and nothing was created");
    }

    @Test
    void aFailureARetryMayOvercomeReleasesTheKey() {
        StoreBusyException busy = new StoreBusyException("no connection in time");
        IdempotentRequest failing = new IdempotentRequest(() -> {
            runs.incrementAndGet();
            throw busy;
        }, refusal -> Optional.empty());
        assertSame(busy, assertThrows(StoreBusyException.class,
                () -> idempotency.runIdempotentRequest(command("k1", "Gold"), failing)));
        IdempotentOutcome retried = idempotency.runIdempotentRequest(command("k1", "Gold"), creating("Gold"));
        assertFalse(retried.replayed(), "the retry runs the request");
        assertEquals(201, retried.answer().status());
        assertEquals(2, runs.get());
    }

    @Test
    void aRunThatFailsLeavesNoWorkBehind() {
        IdempotentRequest halfDone = new IdempotentRequest(() -> {
            app.profiles().createCustomerProfile(new CreateCustomerProfileCommand(C0, Name.of("Gold"), false));
            throw new IllegalStateException("fails after its first write");
        }, refusal -> Optional.empty());
        assertThrows(IllegalStateException.class, () -> idempotency.runIdempotentRequest(command("k1", "Gold"),
                halfDone));
        assertEquals(0, profiles());
    }

    @Test
    void aClaimNeverAnsweredIsInProgressUntilItsLeaseRunsOutThenTakenOver() {
        Instant claimed = now.get();
        app.persistence().claimIdempotentRequest("client", "k1", "Gold".getBytes(StandardCharsets.UTF_8), 7, claimed,
                claimed.plus(IdempotencyService.RETENTION));
        assertEquals("k1", assertThrows(RequestInProgressException.class,
                () -> idempotency.runIdempotentRequest(command("k1", "Gold"), creating("Gold"))).key());
        now.set(claimed.plus(IdempotencyService.LEASE).minusSeconds(1));
        assertThrows(RequestInProgressException.class,
                () -> idempotency.runIdempotentRequest(command("k1", "Gold"), creating("Gold")));
        now.set(claimed.plus(IdempotencyService.LEASE));
        IdempotentOutcome taken = idempotency.runIdempotentRequest(command("k1", "Gold"), creating("Gold"));
        assertFalse(taken.replayed());
        assertEquals(1, profiles());
        assertFalse(app.persistence().recordIdempotentAnswer("client", "k1", 7, taken.answer()),
                "the abandoned run can no longer record an answer");
    }

    @Test
    void aRunWhoseClaimWasTakenOverRollsItsWorkBackAndIsInProgress() {
        IdempotentRequest overtaken = new IdempotentRequest(() -> {
            app.profiles().createCustomerProfile(new CreateCustomerProfileCommand(C0, Name.of("Slow"), false));
            app.persistence().claimIdempotentRequest("client", "k1", "Gold".getBytes(StandardCharsets.UTF_8), 8,
                    now.get(), now.get().plus(IdempotencyService.RETENTION));
            return new RecordedAnswer(201, Map.of(), new byte[0]);
        }, refusal -> Optional.empty());
        assertThrows(RequestInProgressException.class,
                () -> idempotency.runIdempotentRequest(command("k1", "Gold"), overtaken));
        assertEquals(0, profiles(), "its work rolled back with the lost answer");
    }

    @Test
    void keysAreKeptForTheRetentionThenForgotten() {
        idempotency.runIdempotentRequest(command("k1", "Gold"), creating("Gold"));
        now.set(now.get().plus(IdempotencyService.RETENTION).minusSeconds(1));
        assertTrue(idempotency.runIdempotentRequest(command("k1", "Gold"), creating("Gold")).replayed());
        now.set(now.get().plusSeconds(1));
        IdempotentOutcome fresh = idempotency.runIdempotentRequest(command("k1", "Silver"), creating("Silver"));
        assertFalse(fresh.replayed(), "an expired key is a new key, whatever request it held");
        assertEquals(2, profiles());
    }

    @Test
    void eachClaimForgetsABoundedBatchOfExpiredKeys() {
        Instant then = now.get();
        for (int i = 0; i < 250; i++) {
            app.persistence().claimIdempotentRequest("client", "old-" + i, new byte[] {1}, i, then,
                    then.plus(Duration.ofMinutes(1)));
        }
        now.set(then.plus(Duration.ofHours(1)));
        idempotency.runIdempotentRequest(command("k1", "Gold"), creating("Gold"));
        assertEquals(150, app.persistence().deleteExpiredIdempotentRequests(now.get(), 1000),
                "one claim forgot " + IdempotencyService.EXPIRED_PER_CLAIM + " of them");
    }

    @Test
    void keysAreOneToTwoHundredFiftyFiveVisibleAsciiCharacters() {
        byte[] body = {1};
        new RunIdempotentRequestCommand("c", "!", body);
        new RunIdempotentRequestCommand("c", "~".repeat(255), body);
        for (String bad : new String[] {"", " ", "a b", "k\u00e9", "x".repeat(256), "tab\t", null}) {
            assertThrows(ConstraintViolationException.class, () -> new RunIdempotentRequestCommand("c", bad, body),
                    String.valueOf(bad));
        }
        assertThrows(ConstraintViolationException.class, () -> new RunIdempotentRequestCommand("c", "k", new byte[0]));
    }
}
