package io.customerclassification.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.adapter.http.BearerAuthentication;
import io.customerclassification.adapter.http.intacct.IntacctDialect;
import io.customerclassification.adapter.http.simpro.SimproDialect;
import io.customerclassification.bootstrap.e2e.Http;
import io.customerclassification.bootstrap.e2e.Http.Reply;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * A full store over HTTP. SQLite's {@code max_page_count} stands for the full disk (both are SQLITE_FULL): writes
 * are answered 507 in each dialect's format, the health check says why it is down, reads go on, every
 * acknowledged write is intact, and writes resume by themselves once there is room.
 */
class StoreFullTest {

    private static final String PROFILES = "/api/v1.0/companies/0/setup/customerProfiles/";
    private static final String TYPES = "/objects/accounts-receivable/customer-type";
    private static final String FULL = "The store is full: nothing was written. Retry once space has been freed.";

    @TempDir
    Path folder;

    /** POSTs records with long names until one is refused: returns that answer, a 507; the names stored are added. */
    private static Reply fill(Http http, String path, String property, List<String> acknowledged) {
        for (int i = 0; i < 5_000; i++) {
            String name = i + " " + "x".repeat(240);
            Reply reply = http.post(path, "{\"" + property + "\": \"" + name + "\"}");
            if (reply.status() != 201) {
                assertEquals(507, reply.status(), reply::toString);
                assertTrue(i > 0, "the store filled up after some writes to " + path);
                return reply;
            }
            acknowledged.add(name);
        }
        throw new AssertionError("5 000 records fitted in 8 pages");
    }

    @Test
    void writesThatFindNoRoomAre507InTheDialectsFormatAndTheHealthCheckSaysTheStoreIsFull() throws Exception {
        Path file = folder.resolve("small.db");
        CustomerClassification.open(file).close();
        SQLiteDataSource dataSource = new SQLiteDataSource(new SQLiteConfig());
        dataSource.setUrl("jdbc:sqlite:" + file);
        try (Connection connection = dataSource.getConnection();
                var rows = connection.createStatement().executeQuery("PRAGMA page_count")) {
            rows.next();
            dataSource.setMaxPageCount(rows.getInt(1) + 8);
        }
        try (CustomerClassification app = CustomerClassification.open(dataSource)) {
            SimproDialect simpro = new SimproDialect(SimproDialect.UseCases.of(app, app, app.services().idempotency()),
                    BearerAuthentication.off());
            IntacctDialect intacct = new IntacctDialect(IntacctDialect.UseCases.of(app, app,
                    app.services().idempotency()), BearerAuthentication.off(), Clock.systemUTC());
            HttpServer server = HttpServer.start("127.0.0.1", 0, List.of(simpro, intacct), () -> StoreState.of(app));
            try {
                Http http = new Http(server.port());
                assertEquals("{\"status\":\"UP\",\"database\":\"reachable\"}", http.get("/health").body());

                List<String> acknowledged = new ArrayList<>();
                Reply refused = fill(http, PROFILES, "Name", acknowledged);
                assertEquals("{\"errors\":[{\"path\":null,\"message\":\"" + FULL + "\",\"value\":null}]}",
                        refused.body());
                Reply type = fill(http, TYPES, "id", new ArrayList<>());
                var error = type.json().at("/ia::result/ia::error");
                assertEquals("insufficientStorage", error.path("code").asText(), type.body());
                assertEquals("CC-1507", error.path("errorId").asText(), type.body());
                assertEquals("CC.STORE_FULL", error.at("/additionalInfo/messageId").asText(), type.body());
                assertEquals(FULL, error.path("message").asText(), type.body());

                Reply health = http.get("/health");
                assertEquals(503, health.status(), health::toString);
                assertEquals("DOWN", health.json().path("status").asText());
                assertEquals("full", health.json().path("database").asText());
                assertTrue(health.json().path("reason").asText().startsWith("The store has been full since "),
                        health.body());

                Reply list = http.get(PROFILES + "?pageSize=250&columns=Name");
                assertEquals(200, list.status(), "reads go on");
                assertEquals(Integer.toString(acknowledged.size()), list.header("Result-Total"), "nothing was lost");
                List<String> names = new ArrayList<>();
                list.json().forEach(row -> names.add(row.get("Name").asText()));
                assertEquals(acknowledged, names, "every acknowledged profile, as it was written");

                dataSource.setMaxPageCount(1_000_000);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (http.get("/health").status() != 200 && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertEquals("{\"status\":\"UP\",\"database\":\"reachable\"}", http.get("/health").body(),
                        "room again, seen without any client write");
                assertEquals(201, http.post(PROFILES, "{\"Name\": \"After\"}", Map.of()).status(), "writes resume");
            } finally {
                server.stop();
            }
        }
    }
}
