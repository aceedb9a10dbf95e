package io.customerclassification.application.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.application.model.RecordedAnswer;
import io.customerclassification.application.port.out.idempotency.StoredIdempotentRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The idempotency key ports: a claim, its answer recorded by the claim's owner only, release and expiry. */
public abstract class IdempotencyPortsContract extends PortContract {

    private static final byte[] HASH = {1, 2, 3, 4};
    private static final Instant LATER = T0.plusSeconds(86_400);

    private static RecordedAnswer answer(int status, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Location", "/api/v1.0/companies/0/setup/customerProfiles/7");
        headers.put("Content-Type", "application/json");
        headers.put("Resource-ID", "7");
        return new RecordedAnswer(status, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aClaimIsAnsweredOnlyByTheRunThatHoldsIt() {
        assertEquals(Optional.empty(), ports.loadIdempotentRequest().loadIdempotentRequest("client", "key-1"));
        ports.transaction().inTransaction(() -> ports.saveIdempotentRequest().claimIdempotentRequest("client", "key-1",
                HASH, 42, T0, LATER));
        StoredIdempotentRequest running = ports.loadIdempotentRequest().loadIdempotentRequest("client", "key-1")
                .orElseThrow();
        assertEquals(new StoredIdempotentRequest(HASH, 42, T0, LATER, null), running);
        assertTrue(running.firstAnswer().isEmpty());

        assertFalse(ports.saveIdempotentRequest().recordIdempotentAnswer("client", "key-1", 41, answer(201, "{}")),
                "another run's token records nothing");
        RecordedAnswer first = answer(201, "{\"ID\":7,\"Name\":\"Gold ✓\"}");
        assertTrue(ports.saveIdempotentRequest().recordIdempotentAnswer("client", "key-1", 42, first));
        StoredIdempotentRequest answered = ports.loadIdempotentRequest().loadIdempotentRequest("client", "key-1")
                .orElseThrow();
        assertEquals(first, answered.answer(), "status, headers in order and body bytes come back as kept");
        assertEquals(List.of("Location", "Content-Type", "Resource-ID"),
                List.copyOf(answered.answer().headers().keySet()));
        assertArrayEquals(HASH, answered.fingerprint());
        assertFalse(ports.saveIdempotentRequest().recordIdempotentAnswer("client", "key-1", 42, answer(500, "")),
                "an answer is recorded once");
    }

    @Test
    void keysOfDifferentClientsNeverMeet() {
        ports.saveIdempotentRequest().claimIdempotentRequest("alice", "same", HASH, 1, T0, LATER);
        ports.saveIdempotentRequest().claimIdempotentRequest("bob", "same", new byte[] {9}, 2, T0, LATER);
        assertEquals(1, ports.loadIdempotentRequest().loadIdempotentRequest("alice", "same").orElseThrow().claim());
        assertEquals(2, ports.loadIdempotentRequest().loadIdempotentRequest("bob", "same").orElseThrow().claim());
        assertEquals(Optional.empty(), ports.loadIdempotentRequest().loadIdempotentRequest("carol", "same"));
    }

    @Test
    void aNewClaimReplacesWhateverTheKeyHeld() {
        ports.saveIdempotentRequest().claimIdempotentRequest("client", "key", HASH, 1, T0, LATER);
        ports.saveIdempotentRequest().recordIdempotentAnswer("client", "key", 1, answer(201, "{}"));
        ports.saveIdempotentRequest().claimIdempotentRequest("client", "key", new byte[] {7, 7}, 2, LATER,
                LATER.plusSeconds(86_400));
        assertEquals(new StoredIdempotentRequest(new byte[] {7, 7}, 2, LATER, LATER.plusSeconds(86_400), null),
                ports.loadIdempotentRequest().loadIdempotentRequest("client", "key").orElseThrow());
        assertFalse(ports.saveIdempotentRequest().recordIdempotentAnswer("client", "key", 1, answer(201, "{}")),
                "the run that was taken over records nothing");
    }

    @Test
    void onlyTheOwnerReleasesAnUnansweredClaim() {
        ports.saveIdempotentRequest().claimIdempotentRequest("client", "key", HASH, 1, T0, LATER);
        ports.saveIdempotentRequest().releaseIdempotentRequest("client", "key", 2);
        assertTrue(ports.loadIdempotentRequest().loadIdempotentRequest("client", "key").isPresent());
        ports.saveIdempotentRequest().releaseIdempotentRequest("client", "key", 1);
        assertEquals(Optional.empty(), ports.loadIdempotentRequest().loadIdempotentRequest("client", "key"));

        ports.saveIdempotentRequest().claimIdempotentRequest("client", "answered", HASH, 3, T0, LATER);
        ports.saveIdempotentRequest().recordIdempotentAnswer("client", "answered", 3, answer(201, "{}"));
        ports.saveIdempotentRequest().releaseIdempotentRequest("client", "answered", 3);
        assertTrue(ports.loadIdempotentRequest().loadIdempotentRequest("client", "answered").isPresent(),
                "an answered key stays until it expires");
    }

    @Test
    void expiredKeysGoOldestFirstAtMostTheLimitAtATime() {
        for (int i = 0; i < 7; i++) {
            ports.saveIdempotentRequest().claimIdempotentRequest("client", "old-" + i, HASH, i, T0,
                    T0.plusSeconds(10 + i));
        }
        ports.saveIdempotentRequest().claimIdempotentRequest("client", "fresh", HASH, 99, T0, LATER);
        Instant now = T0.plusSeconds(100);
        assertEquals(3, ports.saveIdempotentRequest().deleteExpiredIdempotentRequests(now, 3));
        for (int i = 0; i < 7; i++) {
            assertEquals(i >= 3, ports.loadIdempotentRequest().loadIdempotentRequest("client", "old-" + i).isPresent(),
                    "old-" + i);
        }
        assertEquals(4, ports.saveIdempotentRequest().deleteExpiredIdempotentRequests(now, 100));
        assertEquals(0, ports.saveIdempotentRequest().deleteExpiredIdempotentRequests(now, 100));
        assertTrue(ports.loadIdempotentRequest().loadIdempotentRequest("client", "fresh").isPresent());
        assertEquals(1, ports.saveIdempotentRequest().deleteExpiredIdempotentRequests(LATER, 100),
                "a key expires at its expiry");
    }

    @Test
    void aClaimInATransactionThatFailsLeavesNothing() {
        assertThrows(IllegalStateException.class, () -> ports.transaction().inTransaction(() -> {
            ports.saveIdempotentRequest().claimIdempotentRequest("client", "key", HASH, 1, T0, LATER);
            throw new IllegalStateException("abort");
        }));
        assertEquals(Optional.empty(), ports.loadIdempotentRequest().loadIdempotentRequest("client", "key"));
    }
}
