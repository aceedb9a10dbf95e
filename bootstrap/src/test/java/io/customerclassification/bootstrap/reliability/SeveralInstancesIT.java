package io.customerclassification.bootstrap.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.customerclassification.adapter.jdbi.PostgresTestDatabase;
import io.customerclassification.bootstrap.e2e.Http;
import io.customerclassification.bootstrap.e2e.Http.Reply;
import io.customerclassification.bootstrap.process.ServerProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two server processes over one PostgreSQL database (CONTRACT §5): a mixed concurrent load through both (creates,
 * renames, archives, moves, status changes, deletes, lists and queries; moves contend for parents across the
 * instances), each client reading back what it wrote through the other instance; then one instance killed with
 * SIGKILL mid-load and started again. After each phase: every acknowledged write is stored as acknowledged, no name
 * twice, no cycle, no active type under an inactive one, and both instances answer the exact totals. Between the
 * phases, pages deep in a company of more than 512 profiles — the size the page index keeps — are read on one
 * instance right after a write through the other.
 */
class SeveralInstancesIT {

    static final int CLIENTS = 4;
    static final long LOAD_MILLIS = 4_000;
    /** Acknowledged writes the first phase needs before its checks mean something. */
    static final int ENOUGH_WRITES = 100;
    /** How much longer than {@link #LOAD_MILLIS} the first phase may run on a slow machine to reach them. */
    static final long MAX_LOAD_MILLIS = 60_000;
    private static final String PROFILES = "/api/v1.0/companies/%d/setup/customerProfiles/";
    private static final String TYPES = "/objects/accounts-receivable/customer-type";

    @TempDir
    Path folder;

    @Test
    void everyRuleHoldsAcrossTwoInstancesAndASigkill() throws Exception {
        long seed = Long.getLong("instances.seed", System.nanoTime());
        try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
            Map<String, String> env = Map.of("CLASSIFICATION_DB", database.url(), "CLASSIFICATION_DB_POOL", "6");
            ServerProcess a = start(env);
            ServerProcess b = start(env);
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            try {
                Workload.SharedTypes shared = new Workload.SharedTypes();
                AtomicBoolean running = new AtomicBoolean(true);
                List<Workload> clients = new ArrayList<>();
                for (int i = 0; i < CLIENTS; i++) {
                    ServerProcess writeTo = i % 2 == 0 ? a : b;
                    Workload client = new Workload(i, i % 2, writeTo.port(), seed + i, shared, running::get);
                    client.readBackThrough((writeTo == a ? b : a).port());
                    clients.add(client);
                }
                List<Future<?>> load = clients.stream().<Future<?>>map(pool::submit).toList();
                loadEnough(clients);
                running.set(false);
                await(load);
                audit("two instances", database, clients, seed, a, b);

                deepPagesFollowWritesOfTheOtherInstance(a, b, database);

                running.set(true);
                load = clients.stream().<Future<?>>map(pool::submit).toList();
                Thread.sleep(LOAD_MILLIS / 2);
                a.kill();
                Thread.sleep(500);
                ServerProcess restarted = start(env);
                a = restarted;
                for (int i = 0; i < CLIENTS; i++) {
                    if (i % 2 == 0) {
                        clients.get(i).reconnect(restarted.port());
                        clients.get(i).readBackThrough(b.port());
                    } else {
                        clients.get(i).readBackThrough(restarted.port());
                    }
                }
                Thread.sleep(LOAD_MILLIS / 2);
                running.set(false);
                await(load);
                audit("after a SIGKILL and a restart", database, clients, seed, a, b);
            } finally {
                pool.shutdownNow();
                a.close();
                b.close();
            }
        }
    }

    private ServerProcess start(Map<String, String> env) {
        ServerProcess server = ServerProcess.launch(folder, env, "--port", "0", "--company", "1=Acme",
                "--auth", "none");
        server.awaitListening(60);
        return server;
    }

    /**
     * Lets the load run {@link #LOAD_MILLIS}, and on a loaded machine longer (at most {@link #MAX_LOAD_MILLIS}),
     * until the clients have had more than {@link #ENOUGH_WRITES} writes acknowledged.
     */
    private static void loadEnough(List<Workload> clients) throws InterruptedException {
        Thread.sleep(LOAD_MILLIS);
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_LOAD_MILLIS - LOAD_MILLIS);
        while (clients.stream().mapToInt(c -> c.acknowledgedWrites).sum() <= ENOUGH_WRITES
                && System.nanoTime() < until) {
            Thread.sleep(100);
        }
    }

    private static void await(List<Future<?>> load) throws Exception {
        for (Future<?> client : load) {
            client.get(60, TimeUnit.SECONDS);
        }
    }

    private static void audit(String phase, PostgresTestDatabase database, List<Workload> clients, long seed,
            ServerProcess a, ServerProcess b) {
        int acknowledged = clients.stream().mapToInt(c -> c.acknowledgedWrites).sum();
        int staleReads = clients.stream().mapToInt(c -> c.staleReads).sum();
        try (DatabaseFile stored = DatabaseFile.postgres(database.url())) {
            List<String> lost = Audit.lostWrites(clients, stored);
            System.out.println("several-instances " + phase + ": acknowledgedWrites=" + acknowledged
                    + " recordsChecked=" + Audit.recordsChecked(clients) + " lost=" + lost.size()
                    + " staleReadsThroughTheOtherInstance=" + staleReads
                    + " unanswered=" + clients.stream().mapToInt(c -> c.unanswered).sum()
                    + " refusedAtConnect=" + clients.stream().mapToInt(c -> c.refused).sum()
                    + " statuses=" + clients.stream().map(c -> c.statuses).toList() + " seed=" + seed);
            assertEquals(List.of(), lost, phase + ": acknowledged writes lost");
            assertEquals(List.of(), stored.invariantViolations(), phase + ": broken rules");
            assertEquals(0, staleReads, phase + ": a write acknowledged by one instance not seen by the other: "
                    + clients.stream().flatMap(c -> c.staleDetails.stream()).toList());
            for (long company : new long[] {0, 1}) {
                long profiles = stored.profiles().values().stream().filter(p -> p.company() == company).count();
                long types = stored.types().values().stream().filter(t -> t.company() == company).count();
                for (ServerProcess server : List.of(a, b)) {
                    Http http = new Http(server.port());
                    Reply list = http.get(PROFILES.formatted(company) + "?pageSize=1");
                    assertEquals(String.valueOf(profiles), list.header("Result-Total"), phase + " profiles " + company);
                    Reply typeList = http.get(TYPES + "?size=1", Map.of("X-IA-API-Param-Entity", Long.toString(company)));
                    assertEquals(types, typeList.json().at("/ia::meta/totalCount").asLong(), phase + " types " + company);
                }
            }
        }
        assertTrue(acknowledged > ENOUGH_WRITES, phase + ": only " + acknowledged + " writes were acknowledged");
    }

    /**
     * Over 512 profiles, pages deep in the list are read through one instance (so that its page index keeps the
     * total and, once read deep enough, checkpoints), then a profile is created or deleted through the other, and
     * the next page through the first has the new total and the new rows, as the database has them.
     */
    private static void deepPagesFollowWritesOfTheOtherInstance(ServerProcess a, ServerProcess b,
            PostgresTestDatabase database) {
        Http writer = new Http(a.port());
        Http reader = new Http(b.port());
        String profiles = PROFILES.formatted(0);
        int existing = Integer.parseInt(reader.get(profiles + "?pageSize=1").header("Result-Total"));
        for (int i = existing; i < 600; i++) {
            assertEquals(201, writer.post(profiles, "{\"Name\": \"Deep " + i + "\"}").status());
        }
        List<Long> created = new ArrayList<>();
        for (int round = 0; round < 12; round++) {
            for (int page = 1; page <= 3; page++) { // deep pages: the index keeps the total, then checkpoints
                reader.get(profiles + "?pageSize=250&page=" + page + "&orderby=-Name");
            }
            if (round % 3 == 2 && !created.isEmpty()) {
                assertEquals(204, writer.delete(profiles + created.remove(0)).status());
            } else {
                Reply reply = writer.post(profiles, "{\"Name\": \"Between " + round + "\"}");
                assertEquals(201, reply.status());
                created.add(reply.json().get("ID").asLong());
            }
            try (DatabaseFile stored = DatabaseFile.postgres(database.url())) {
                long total = stored.profiles().values().stream().filter(p -> p.company() == 0).count();
                assertEquals(String.valueOf(total), reader.get(profiles + "?pageSize=250&page=3&orderby=-Name")
                        .header("Result-Total"), "round " + round + ": the total the database has");
            }
            for (String query : List.of("?pageSize=250&page=3&orderby=-Name", "?pageSize=250&page=3",
                    "?pageSize=100&page=6&Archived=false")) {
                Reply seen = reader.get(profiles + query);
                Reply truth = writer.get(profiles + query);
                assertEquals(truth.header("Result-Total"), seen.header("Result-Total"), "round " + round + " " + query);
                assertEquals(ids(truth.json()), ids(seen.json()), "round " + round + " " + query);
            }
        }
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.forEach(row -> ids.add(row.get("ID").asLong()));
        return ids;
    }
}
