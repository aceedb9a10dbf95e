package io.customerclassification.bootstrap.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.bootstrap.process.ServerProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged server killed with SIGKILL in the middle of concurrent writes, several times over the same file:
 * after each kill the file holds every write that got a 2xx, exactly as acknowledged, and nothing half-written.
 */
class CrashRecoveryIT {

    static final int CYCLES = Integer.getInteger("crash.cycles", 5);
    static final int CLIENTS = 4;

    @TempDir
    Path folder;

    @Test
    void everyAcknowledgedWriteSurvivesSigkillMidStream() throws Exception {
        Path file = folder.resolve("crash.db");
        long seed = Long.getLong("crash.seed", System.nanoTime());
        Random random = new Random(seed);
        Workload.SharedTypes shared = new Workload.SharedTypes();
        List<Workload> clients = new ArrayList<>();
        AtomicBoolean running = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (int cycle = 1; cycle <= CYCLES; cycle++) {
                ServerProcess server = ServerProcess.start(file, "--company", "1=Acme", "--auth", "none");
                if (clients.isEmpty()) {
                    for (int i = 0; i < CLIENTS; i++) {
                        clients.add(new Workload(i, i % 2, server.port(), seed + i, shared, running::get));
                    }
                }
                clients.forEach(client -> client.reconnect(server.port()));
                running.set(true);
                List<Future<?>> load = clients.stream().<Future<?>>map(pool::submit).toList();
                Thread.sleep(2_000 + random.nextInt(2_000));
                server.kill();
                running.set(false);
                for (Future<?> client : load) {
                    client.get(60, TimeUnit.SECONDS);
                }
                audit(cycle, file, clients, seed);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void audit(int cycle, Path file, List<Workload> clients, long seed) {
        int acknowledged = clients.stream().mapToInt(c -> c.acknowledgedWrites).sum();
        int unanswered = clients.stream().mapToInt(c -> c.unanswered).sum();
        int refused = clients.stream().mapToInt(c -> c.refused).sum();
        try (DatabaseFile database = DatabaseFile.open(file)) {
            List<String> lost = Audit.lostWrites(clients, database);
            List<String> integrity = database.integrityCheck();
            System.out.println("crash-cycle " + cycle + ": acknowledgedWrites=" + acknowledged + " recordsChecked="
                    + Audit.recordsChecked(clients) + " lost=" + lost.size() + " inFlightAtKill=" + unanswered + " refusedAfterKill=" + refused
                    + " integrity=" + integrity + " foreignKeyViolations=" + database.foreignKeyViolations().size()
                    + " seed=" + seed);
            assertEquals(List.of(), lost, "cycle " + cycle + ": acknowledged writes lost to SIGKILL");
            assertEquals(List.of("ok"), integrity, "cycle " + cycle);
            assertEquals(List.of(), database.foreignKeyViolations(), "cycle " + cycle);
            assertEquals(List.of(), database.invariantViolations(), "cycle " + cycle);
        }
        assertTrue(acknowledged > 0, "cycle " + cycle + " acknowledged no write");
    }
}
