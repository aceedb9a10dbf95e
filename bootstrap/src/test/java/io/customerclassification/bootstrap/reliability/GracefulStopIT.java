package io.customerclassification.bootstrap.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.customerclassification.bootstrap.process.ServerProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM while clients write: every request is either answered in full (done, or refused with 503 in the
 * dialect's format because the server is stopping) or refused — at connect, or reset by the operating system
 * because it was still waiting in the listening socket's queue when the socket closed, in which case the server
 * never read it and it must not have been applied; and every write that got a 2xx is in the file afterwards.
 */
class GracefulStopIT {

    static final int CLIENTS = 6;
    private static final String PROFILES = "/api/v1.0/companies/0/setup/customerProfiles/";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void sigtermUnderLoadFinishesEveryRequestItAcceptedAndKeepsEveryAcknowledgedWrite() throws Exception {
        Path file = folder.resolve("graceful.db");
        ServerProcess server = ServerProcess.start(file, "--auth", "none");
        int port = server.port();
        Map<Long, String> acknowledged = new ConcurrentHashMap<>();
        Map<String, Integer> outcomes = new ConcurrentHashMap<>();
        List<OneShot.Outcome> broken = new ArrayList<>();
        Set<String> unanswered = ConcurrentHashMap.newKeySet();
        List<String> badRefusals = new ArrayList<>();
        AtomicBoolean stopped = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            int client = i;
            clients.add(pool.submit(() -> {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                for (int n = 0; System.nanoTime() < deadline; n++) {
                    String name = "c" + client + "-" + n;
                    OneShot.Outcome outcome = OneShot.post(port, PROFILES, "{\"Name\": \"" + name + "\"}");
                    outcomes.merge(outcome.kind() + (outcome.status() == 0 ? "" : " " + outcome.status()), 1, Integer::sum);
                    switch (outcome.kind()) {
                        case REFUSED -> {
                            if (stopped.get()) {
                                return null;
                            }
                        }
                        case BROKEN -> {
                            unanswered.add(name);
                            if (!outcome.failure().contains("Connection reset")) {
                                synchronized (broken) {
                                    broken.add(outcome);
                                }
                            }
                        }
                        case ANSWERED -> {
                            if (outcome.status() == 201) {
                                acknowledged.put(JSON.readTree(outcome.body()).get("ID").asLong(), name);
                            } else if (outcome.status() != 503 || !outcome.headers().contains("Retry-After: 1")
                                    || !outcome.body().startsWith("{\"errors\":[")) {
                                synchronized (badRefusals) {
                                    badRefusals.add(outcome.headers() + "\n" + outcome.body());
                                }
                            }
                        }
                    }
                }
                return null;
            }));
        }
        Thread.sleep(3_000);
        server.terminate();
        stopped.set(true);
        int exit = server.awaitExit(30);
        for (Future<?> client : clients) {
            client.get(90, TimeUnit.SECONDS);
        }
        pool.shutdownNow();

        System.out.println("graceful-stop: clients=" + CLIENTS + " outcomes=" + new TreeMap<>(outcomes)
                + " acknowledgedWrites=" + acknowledged.size());
        assertEquals(143, exit, server.output());
        assertEquals(List.of(), broken, "requests cut off by the stop");
        assertTrue(unanswered.size() <= CLIENTS, "at most one reset per client, at the moment the socket closed: "
                + unanswered);
        assertEquals(List.of(), badRefusals, "answers other than 201 or a 503 in Simpro's format with Retry-After");
        assertTrue(acknowledged.size() > 10, "only " + acknowledged.size() + " writes before the stop");
        try (DatabaseFile database = DatabaseFile.open(file)) {
            Map<Long, DatabaseFile.Profile> stored = database.profiles();
            acknowledged.forEach((id, name) -> assertEquals(name, stored.containsKey(id) ? stored.get(id).name() : null,
                    "acknowledged profile " + id + " after the stop"));
            Set<String> storedNames = new java.util.HashSet<>();
            stored.values().forEach(profile -> storedNames.add(profile.name()));
            unanswered.forEach(name -> assertFalse(storedNames.contains(name),
                    "a request reset before the server read it was applied: " + name));
            assertEquals(List.of("ok"), database.integrityCheck());
        }
        try (ServerProcess restarted = ServerProcess.start(file, "--auth", "none")) {
            assertEquals(200, new io.customerclassification.bootstrap.e2e.Http(restarted.port()).get("/health").status());
        }
    }
}
