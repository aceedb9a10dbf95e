package io.customerclassification.adapter.jdbi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.application.contract.PortSet;
import io.customerclassification.application.model.RecordedAnswer;
import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.port.in.customerprofile.CreateCustomerProfileCommand;
import io.customerclassification.application.port.in.customerprofile.ListCustomerProfilesQuery;
import io.customerclassification.application.port.in.idempotency.IdempotentOutcome;
import io.customerclassification.application.port.in.idempotency.IdempotentRequest;
import io.customerclassification.application.port.in.idempotency.RequestInProgressException;
import io.customerclassification.application.port.in.idempotency.RunIdempotentRequestCommand;
import io.customerclassification.application.query.Criteria;
import io.customerclassification.application.query.Paging;
import io.customerclassification.application.service.CustomerProfileService;
import io.customerclassification.application.service.IdempotencyService;
import io.customerclassification.domain.identity.Resource;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retries that arrive while their request is still running, through the real service over each store (SQLite and
 * PostgreSQL): the running one holds its write transaction open for its work, and the retry is answered 409 at once
 * (it reads the key without waiting for that transaction); however many retries race, the work is done once.
 */
class IdempotencyRaceTest {

    private static final Caller SYSTEM = Caller.system(null);

    private static final CompanyId C0 = CompanyId.DEFAULT;

    @TempDir
    Path folder;

    private SqlStore database;
    private IdempotencyService idempotency;
    private CustomerProfileService profiles;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final AtomicInteger runs = new AtomicInteger();

    private void open(StoreKind store) {
        database = store.open(folder);
        PortSet ports = StorePorts.of(database.stores());
        idempotency = ports.idempotencyService(Clock.systemUTC());
        profiles = ports.profileService();
    }

    @AfterEach
    void close() throws InterruptedException {
        threads.shutdownNow();
        assertTrue(threads.awaitTermination(10, TimeUnit.SECONDS));
        if (database != null) {
            database.close();
        }
    }

    private static RunIdempotentRequestCommand command(String key) {
        return new RunIdempotentRequestCommand(SYSTEM, C0, Resource.CUSTOMER_PROFILE, key,
                "POST Gold".getBytes(StandardCharsets.UTF_8));
    }

    private IdempotentRequest creatingGold(CountDownLatch started, CountDownLatch release) {
        return new IdempotentRequest(() -> {
            runs.incrementAndGet();
            profiles.createCustomerProfile(new CreateCustomerProfileCommand(SYSTEM, C0, Name.of("Gold"), false));
            started.countDown();
            try {
                assertTrue(release.await(20, TimeUnit.SECONDS), "the test never let the first run finish");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return new RecordedAnswer(201, Map.of("Resource-ID", "1"), "{\"ID\":1}".getBytes(StandardCharsets.UTF_8));
        }, refusal -> Optional.empty());
    }

    private long stored() {
        return profiles.listCustomerProfiles(new ListCustomerProfilesQuery(SYSTEM, C0, Criteria.all(Paging.of(0, 10)))).total();
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aRetryWhileTheRequestRunsIs409AtOnceAndALaterOneGetsTheAnswer(StoreKind store) throws Exception {
        open(store);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<IdempotentOutcome> first = threads.submit(() -> idempotency.runIdempotentRequest(command("k"),
                creatingGold(started, release)));
        assertTrue(started.await(20, TimeUnit.SECONDS), "the first run never started its work");

        long asked = System.nanoTime();
        Future<?> retry = threads.submit(() -> idempotency.runIdempotentRequest(command("k"),
                creatingGold(new CountDownLatch(1), new CountDownLatch(0))));
        Exception refused = assertThrows(Exception.class, () -> retry.get(5, TimeUnit.SECONDS));
        assertTrue(refused.getCause() instanceof RequestInProgressException, String.valueOf(refused));
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked) < 5_000,
                "the retry did not wait for the transaction the first run holds open");

        release.countDown();
        assertEquals(201, first.get(20, TimeUnit.SECONDS).answer().status());
        IdempotentOutcome later = idempotency.runIdempotentRequest(command("k"),
                creatingGold(new CountDownLatch(1), new CountDownLatch(0)));
        assertTrue(later.replayed());
        assertEquals(1, runs.get());
        assertEquals(1, stored());
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void manyRetriesAtOnceDoTheWorkOnce(StoreKind store) throws Exception {
        open(store);
        for (int round = 0; round < 10; round++) {
            String key = "k" + round;
            CyclicBarrier start = new CyclicBarrier(6);
            List<Future<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                outcomes.add(threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    try {
                        IdempotentOutcome outcome = idempotency.runIdempotentRequest(command(key), new IdempotentRequest(
                                () -> {
                                    runs.incrementAndGet();
                                    return new RecordedAnswer(201, Map.of(), new byte[] {1});
                                }, refusal -> Optional.empty()));
                        return outcome.replayed() ? "replayed" : "ran";
                    } catch (RequestInProgressException e) {
                        return "in progress";
                    }
                }));
            }
            List<String> seen = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                seen.add(outcome.get(30, TimeUnit.SECONDS));
            }
            assertEquals(1, seen.stream().filter("ran"::equals).count(), "round " + round + ": " + seen);
        }
        assertEquals(10, runs.get(), "the work ran once per key");
    }
}
