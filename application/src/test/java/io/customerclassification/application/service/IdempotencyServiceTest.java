package io.customerclassification.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.application.inmemory.InMemoryApplication;
import io.customerclassification.application.model.RecordedAnswer;
import io.customerclassification.application.port.in.Caller;
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
import io.customerclassification.domain.identity.Client;
import io.customerclassification.domain.identity.ClientId;
import io.customerclassification.domain.identity.Grant;
import io.customerclassification.domain.identity.Permission;
import io.customerclassification.domain.identity.PermissionDeniedException;
import io.customerclassification.domain.identity.Resource;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import jakarta.validation.ConstraintViolationException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Requests made with an idempotency key (CONTRACT §3.2), over the in-memory store and a clock the tests move. */
class IdempotencyServiceTest {

    private static final Caller SYSTEM = Caller.system(null);

    private static final CompanyId C0 = CompanyId.DEFAULT;
    private static final Caller CLIENT = client("client", EnumSet.allOf(Permission.class));
    /** How the store keeps the keys of {@link #CLIENT}. */
    private static final String SCOPE = "client:client";

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
        return command(CLIENT, key, body);
    }

    private static RunIdempotentRequestCommand command(Caller caller, String key, String body) {
        return new RunIdempotentRequestCommand(caller, C0, Resource.CUSTOMER_PROFILE, key,
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static Caller client(String id, Set<Permission> permissions) {
        return Caller.client(new Client(ClientId.of(id), false,
                List.of(Grant.onEveryCompany(Resource.CUSTOMER_PROFILE, permissions))), null, null);
    }

    /** A request that creates a profile and answers 201 with its id, or 422 when the name is taken. */
    private IdempotentRequest creating(String name) {
        return new IdempotentRequest(() -> {
            runs.incrementAndGet();
            CustomerProfile created = app.profiles().createCustomerProfile(
                    new CreateCustomerProfileCommand(SYSTEM, C0, Name.of(name), false));
            return new RecordedAnswer(201, Map.of("Resource-ID", created.id().toString()),
                    ("{\"ID\":" + created.id() + "}").getBytes(StandardCharsets.UTF_8));
        }, refusal -> refusal instanceof DuplicateCustomerProfileNameException
                ? Optional.of(new RecordedAnswer(422, Map.of(), "taken".getBytes(StandardCharsets.UTF_8)))
                : Optional.empty());
    }

    private long profiles() {
        return app.profiles().listCustomerProfiles(new ListCustomerProfilesQuery(SYSTEM, C0, Criteria.all(Paging.of(0, 10))))
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
        assertFalse(idempotency.runIdempotentRequest(command(client("other", EnumSet.of(Permission.ADD)), "k1",
                "Silver"), creating("Silver")).replayed(), "another client's key");
        assertEquals(2, profiles());
    }

    @Test
    void eachClientHasItsOwnKeysAndNeverGetsAnotherClientsAnswer() {
        IdempotentOutcome mine = idempotency.runIdempotentRequest(command("k1", "Gold"), creating("Gold"));
        Caller other = client("other", EnumSet.of(Permission.ADD));
        IdempotentOutcome theirs = idempotency.runIdempotentRequest(command(other, "k1", "Gold"), creating("Gold"));
        assertFalse(theirs.replayed(), "the same key and body of another client is a request of its own");
        assertEquals(422, theirs.answer().status(), "its own answer: the name is taken by the first client's");
        assertEquals(201, mine.answer().status());
        assertEquals(theirs.answer(),
                idempotency.runIdempotentRequest(command(other, "k1", "Gold"), creating("Gold")).answer());
        assertEquals(mine.answer(), idempotency.runIdempotentRequest(command("k1", "Gold"), creating("Gold")).answer());
        Caller external = Caller.external("erin", List.of(Grant.onEveryCompany(Resource.CUSTOMER_PROFILE,
                EnumSet.of(Permission.ADD))));
        assertFalse(idempotency.runIdempotentRequest(command(external, "k1", "Gold"), creating("Gold")).replayed());
        assertFalse(idempotency.runIdempotentRequest(command(SYSTEM, "k1", "Gold"), creating("Gold")).replayed());
        assertEquals(4, runs.get());
        assertEquals(List.of(SCOPE, "client:other", "user:erin", RunIdempotentRequestCommand.SYSTEM_CLIENT),
                List.of(command("k", "b").client(), command(other, "k", "b").client(),
                        command(external, "k", "b").client(), command(SYSTEM, "k", "b").client()));
    }

    @Test
    void aCallerWithoutAddIsRefusedBeforeAnyKeyIsRead() {
        idempotency.runIdempotentRequest(command("k1", "Gold"), creating("Gold"));
        Caller viewer = client("client", EnumSet.of(Permission.LIST, Permission.VIEW, Permission.EDIT));
        PermissionDeniedException denied = assertThrows(PermissionDeniedException.class,
                () -> idempotency.runIdempotentRequest(command(viewer, "k1", "Gold"), creating("Gold")));
        assertEquals(Permission.ADD, denied.permission());
        assertThrows(PermissionDeniedException.class,
                () -> idempotency.runIdempotentRequest(command(viewer, "k2", "Silver"), creating("Silver")));
        assertEquals(1, runs.get());
        assertEquals(1, profiles(), "nothing was written");
        assertTrue(app.persistence().loadIdempotentRequest(SCOPE, "k2").isEmpty(), "no key was claimed");
    }

    @Test
    void aFinalRefusalIsTheFirstAnswerAndRetriesGetItAgain() {
        app.profiles().createCustomerProfile(new CreateCustomerProfileCommand(SYSTEM, C0, Name.of("Gold"), false));
        IdempotentOutcome first = idempotency.runIdempotentRequest(command("k1", "Gold"), creating("Gold"));
        assertEquals(422, first.answer().status());
        assertFalse(first.replayed());
        app.profiles().deleteCustomerProfile(new DeleteCustomerProfileCommand(SYSTEM, C0, CustomerProfileId.of(1)));
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
            app.profiles().createCustomerProfile(new CreateCustomerProfileCommand(SYSTEM, C0, Name.of("Gold"), false));
            throw new IllegalStateException("fails after its first write");
        }, refusal -> Optional.empty());
        assertThrows(IllegalStateException.class, () -> idempotency.runIdempotentRequest(command("k1", "Gold"),
                halfDone));
        assertEquals(0, profiles());
    }

    @Test
    void aClaimNeverAnsweredIsInProgressUntilItsLeaseRunsOutThenTakenOver() {
        Instant claimed = now.get();
        app.persistence().claimIdempotentRequest(SCOPE, "k1", "Gold".getBytes(StandardCharsets.UTF_8), 7, claimed,
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
        assertFalse(app.persistence().recordIdempotentAnswer(SCOPE, "k1", 7, taken.answer()),
                "the abandoned run can no longer record an answer");
    }

    @Test
    void aRunWhoseClaimWasTakenOverRollsItsWorkBackAndIsInProgress() {
        IdempotentRequest overtaken = new IdempotentRequest(() -> {
            app.profiles().createCustomerProfile(new CreateCustomerProfileCommand(SYSTEM, C0, Name.of("Slow"), false));
            app.persistence().claimIdempotentRequest(SCOPE, "k1", "Gold".getBytes(StandardCharsets.UTF_8), 8,
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
            app.persistence().claimIdempotentRequest(SCOPE, "old-" + i, new byte[] {1}, i, then,
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
        new RunIdempotentRequestCommand(CLIENT, C0, Resource.CUSTOMER_PROFILE, "!", body);
        new RunIdempotentRequestCommand(CLIENT, C0, Resource.CUSTOMER_PROFILE, "~".repeat(255), body);
        for (String bad : new String[] {"", " ", "a b", "k\u00e9", "x".repeat(256), "tab\t", null}) {
            assertThrows(ConstraintViolationException.class, () -> new RunIdempotentRequestCommand(CLIENT, C0,
                    Resource.CUSTOMER_PROFILE, bad, body),
                    String.valueOf(bad));
        }
        assertThrows(ConstraintViolationException.class,
                () -> new RunIdempotentRequestCommand(CLIENT, C0, Resource.CUSTOMER_PROFILE, "k", new byte[0]));
        assertThrows(ConstraintViolationException.class,
                () -> new RunIdempotentRequestCommand(null, C0, Resource.CUSTOMER_PROFILE, "k", body));
    }
}
