package io.customerclassification.bootstrap.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.bootstrap.CustomerClassificationServer;
import io.customerclassification.bootstrap.IdentityConfig;
import io.customerclassification.bootstrap.ServerConfig;
import io.customerclassification.domain.company.Company;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many clients at once over real HTTP, for a bounded time, on both dialects and two companies; afterwards the
 * database file holds exactly what the clients were told, and every whole-table rule holds.
 */
class ConcurrentLoadTest {

    static final int CLIENTS = 8;
    static final Duration LOAD = Duration.ofSeconds(8);

    @TempDir
    Path folder;

    @Test
    void concurrentClientsLoseNoAcknowledgedWriteAndBreakNoRule() throws Exception {
        Path file = folder.resolve("load.db");
        CustomerClassificationServer server = CustomerClassificationServer.start(new ServerConfig("127.0.0.1", 0, file,
                List.of(new Company(CompanyId.of(1), Name.of("Acme")))).withIdentity(IdentityConfig.NONE));
        List<Workload> clients = new ArrayList<>();
        long seed = Long.getLong("load.seed", System.nanoTime());
        long until = System.nanoTime() + LOAD.toNanos();
        Workload.SharedTypes shared = new Workload.SharedTypes();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                Workload client = new Workload(i, i % 2, server.port(), seed + i, shared, () -> System.nanoTime() < until);
                clients.add(client);
                running.add(pool.submit(client));
            }
            for (Future<?> client : running) {
                client.get(LOAD.toSeconds() + 60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
            server.stop();
        }

        Map<Integer, Integer> statuses = new TreeMap<>();
        clients.forEach(c -> c.statuses.forEach((status, n) -> statuses.merge(status, n, Integer::sum)));
        int requests = statuses.values().stream().mapToInt(Integer::intValue).sum();
        int serverErrors = statuses.entrySet().stream().filter(e -> e.getKey() >= 500).mapToInt(Map.Entry::getValue).sum();
        int acknowledged = clients.stream().mapToInt(c -> c.acknowledgedWrites).sum();
        try (DatabaseFile database = DatabaseFile.open(file)) {
            List<String> lost = Audit.lostWrites(clients, database);
            System.out.println("concurrent-load: clients=" + CLIENTS + " seconds=" + LOAD.toSeconds() + " seed=" + seed
                    + " requests=" + requests + " 5xx=" + serverErrors + " acknowledgedWrites=" + acknowledged
                    + " recordsChecked=" + Audit.recordsChecked(clients) + " lost=" + lost.size() + " by status " + statuses);
            assertEquals(0, serverErrors, "5xx under load: " + statuses);
            assertEquals(0, clients.stream().mapToInt(c -> c.unanswered + c.refused).sum(), "requests without an answer");
            assertEquals(0, clients.stream().mapToInt(c -> c.staleReads).sum(), "a client did not read its own write");
            assertEquals(List.of(), lost, "acknowledged writes missing or overwritten (seed " + seed + ")");
            assertEquals(List.of(), database.invariantViolations());
            assertEquals(List.of("ok"), database.integrityCheck());
            assertEquals(List.of(), database.foreignKeyViolations());
            assertTrue(acknowledged > 50, "the load acknowledged only " + acknowledged + " writes");
        }
    }
}
