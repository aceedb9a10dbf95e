package io.customerclassification.bootstrap.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.adapter.http.HttpDialect;
import io.customerclassification.adapter.jdbi.PostgresTestDatabase;
import io.customerclassification.bootstrap.CustomerClassificationServer;
import io.customerclassification.bootstrap.DatabaseLocation;
import io.customerclassification.bootstrap.IdentityConfig;
import io.customerclassification.bootstrap.ServerConfig;
import io.customerclassification.bootstrap.e2e.Http;
import io.customerclassification.bootstrap.e2e.Http.Reply;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The PostgreSQL server drops the server's connections mid-load ({@code pg_terminate_backend} on every backend of
 * its database, again and again, as a restart or a failover of the database does): every request that meets the
 * outage is answered 503 with {@code Retry-After} in its dialect's format, never a 500; every acknowledged write is
 * stored; and once the database answers again the server serves every request without a restart.
 */
class DatabaseOutageTest {

    @RegisterExtension
    static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

    private static final String PROFILES = "/api/v1.0/companies/0/setup/customerProfiles/";
    private static final String TYPES = "/objects/accounts-receivable/customer-type";
    private static final long OUTAGE_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(20);

    @Test
    void requestsThatMeetTheOutageAre503InTheirDialectAndTheServerRecoversWithoutARestart() throws Exception {
        ServerConfig config = new ServerConfig("127.0.0.1", 0, DatabaseLocation.parse(DATABASE.url(), "test"),
                List.of(), ServerConfig.DEFAULT_CONNECTIONS_PER_ADDRESS, 4, IdentityConfig.NONE);
        CustomerClassificationServer server = CustomerClassificationServer.start(config);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            Http http = new Http(server.port());
            AtomicBoolean running = new AtomicBoolean(true);
            Set<String> acknowledgedProfiles = ConcurrentHashMap.newKeySet();
            Set<String> acknowledgedTypes = ConcurrentHashMap.newKeySet();
            Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
            List<String> wrongAnswers = new ArrayList<>();
            List<Future<?>> load = new ArrayList<>();
            for (int client = 0; client < 4; client++) {
                int me = client;
                load.add(clients.submit(() -> {
                    for (int i = 0; running.get(); i++) {
                        String name = "c" + me + " n" + i;
                        List<Map.Entry<String, Reply>> replies = List.of(
                                Map.entry(PROFILES, http.post(PROFILES, "{\"Name\": \"" + name + "\"}")),
                                Map.entry(TYPES, http.post(TYPES, "{\"id\": \"" + name + "\"}")),
                                Map.entry(PROFILES, http.get(PROFILES + "?pageSize=5&page=" + (1 + i % 3))),
                                Map.entry(TYPES, http.get(TYPES + "?start=" + (1 + i % 7) + "&size=5")));
                        if (replies.get(0).getValue().status() == 201) {
                            acknowledgedProfiles.add(name);
                        }
                        if (replies.get(1).getValue().status() == 201) {
                            acknowledgedTypes.add(name);
                        }
                        for (Map.Entry<String, Reply> sent : replies) {
                            Reply reply = sent.getValue();
                            statuses.computeIfAbsent(reply.status(), s -> new AtomicInteger()).incrementAndGet();
                            if (reply.status() / 100 != 2) {
                                check503(sent.getKey(), reply, wrongAnswers);
                            }
                        }
                    }
                    return null;
                }));
            }

            long started = System.nanoTime();
            int terminated = 0;
            while (count(statuses, 503) < 10 && System.nanoTime() - started < OUTAGE_LIMIT_NANOS) {
                terminated += terminateTheServersConnections();
                Thread.sleep(20); // the pool reconnects between two rounds, and the load meets fresh connections
            }
            running.set(false);
            for (Future<?> client : load) {
                client.get(60, TimeUnit.SECONDS);
            }

            synchronized (wrongAnswers) {
                assertEquals(0, wrongAnswers.size(), () -> wrongAnswers.size() + " requests that met the outage got"
                        + " another answer than a 503 of their dialect, first: "
                        + wrongAnswers.subList(0, Math.min(3, wrongAnswers.size())));
            }
            assertTrue(terminated > 0, "connections of the server were terminated");
            assertTrue(count(statuses, 503) >= 10, "requests met the outage: " + new TreeMap<>(statuses));
            assertEquals(0, count(statuses, 500), "no 500: " + new TreeMap<>(statuses));

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            int inARow = 0;
            while (inARow < 40 && System.nanoTime() < deadline) {
                String name = "after " + inARow;
                boolean served = http.post(PROFILES, "{\"Name\": \"" + name + "\"}").status() == 201
                        && http.get(TYPES + "?size=1").status() == 200;
                inARow = served ? inARow + 1 : 0;
                if (served) {
                    acknowledgedProfiles.add(name);
                }
            }
            assertEquals(40, inARow, "40 writes and reads in a row served after the outage, without a restart");
            assertEquals(200, http.get("/health").status());
            assertEquals(200, http.get("/health/ready").status());

            assertTrue(storedNames("SELECT name FROM customer_profile").containsAll(acknowledgedProfiles),
                    "every acknowledged profile is stored");
            assertTrue(storedNames("SELECT name FROM customer_type").containsAll(acknowledgedTypes),
                    "every acknowledged type is stored");
        } finally {
            clients.shutdownNow();
            server.stop();
        }
    }

    /** A 503 with {@code Retry-After}, the busy message, in the envelope of the dialect of {@code path}. */
    private static void check503(String path, Reply reply, List<String> wrongAnswers) {
        boolean ok = reply.status() == 503 && reply.header("Retry-After") != null
                && reply.body().contains(HttpDialect.BUSY_MESSAGE);
        if (ok) {
            try {
                ErrorFormats.assertErrorEnvelope(path, reply.body());
            } catch (AssertionError e) {
                ok = false;
            }
        }
        if (!ok) {
            synchronized (wrongAnswers) {
                wrongAnswers.add(path + " -> " + reply);
            }
        }
    }

    private static int count(Map<Integer, AtomicInteger> statuses, int status) {
        AtomicInteger count = statuses.get(status);
        return count == null ? 0 : count.get();
    }

    /**
     * Terminates every backend of this role connected to the test database but this one (not an autovacuum worker,
     * which only a superuser may end); @return how many.
     */
    private static int terminateTheServersConnections() throws Exception {
        try (Connection connection = PostgresTestDatabase.connect(DATABASE.url());
                var statement = connection.prepareStatement("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))"
                        + " FROM pg_stat_activity WHERE datname = ? AND usename = current_user"
                        + " AND pid <> pg_backend_pid()")) {
            statement.setString(1, DATABASE.name());
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static Set<String> storedNames(String sql) throws Exception {
        Set<String> names = new HashSet<>();
        try (Connection connection = PostgresTestDatabase.connect(DATABASE.url());
                var rows = connection.createStatement().executeQuery(sql)) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
