package io.customerclassification.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.adapter.http.BearerAuthentication;
import io.customerclassification.bootstrap.e2e.Http;
import io.customerclassification.bootstrap.e2e.Http.Reply;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Operating the server (CONTRACT §7): the request id kept or made and quoted, {@code GET /metrics} in Prometheus's
 * format, and {@code GET /health/ready} 503 while the server starts or stops.
 */
class OperationsTest {

    private static final String TYPES = "/objects/accounts-receivable/customer-type";
    private static final String PROFILES = "/api/v1.0/companies/0/setup/customerProfiles/";

    @TempDir
    Path folder;

    private CustomerClassification app;
    private HttpServer server;
    private Http http;

    @BeforeEach
    void start() {
        app = CustomerClassification.open(folder.resolve("operations.db"));
        Services services = app.services();
        server = HttpServer.start("127.0.0.1", 0,
                CustomerClassificationServer.dialects(services, BearerAuthentication.off()),
                () -> StoreState.of(app), HttpServer.Limits.DEFAULT, new ServerMetrics(app::poolState));
        http = new Http(server.port());
    }

    @AfterEach
    void stop() {
        server.stop();
        app.close();
    }

    @Test
    void aWellFormedRequestIdIsKeptAndEchoedAndIsTheSupportIdOfIntacctErrors() {
        Reply reply = http.get(TYPES + "/999", Map.of("X-Request-Id", "lb-7f3a:01"));
        assertEquals(404, reply.status());
        assertEquals("lb-7f3a:01", reply.header("X-Request-Id"));
        assertEquals("lb-7f3a:01", reply.json().at("/ia::result/ia::error/supportId").asText());
        Reply ok = http.get(PROFILES, Map.of("X-Request-Id", "a".repeat(128)));
        assertEquals("a".repeat(128), ok.header("X-Request-Id"));
    }

    @Test
    void aMissingOrMalformedRequestIdIsReplacedByAFreshOne() {
        for (String sent : new String[] {null, "", "has space", "x".repeat(129), "quote\"", "ü"}) {
            Reply reply = sent == null ? http.get(TYPES + "/999") : http.get(TYPES + "/999", Map.of("X-Request-Id", sent));
            String id = reply.header("X-Request-Id");
            assertTrue(id != null && id.matches("[0-9a-f]{32}"), "made for " + sent + ": " + id);
            assertNotEquals(sent, id);
            assertEquals(id, reply.json().at("/ia::result/ia::error/supportId").asText());
        }
        assertNotEquals(http.get(PROFILES).header("X-Request-Id"), http.get(PROFILES).header("X-Request-Id"),
                "one id per request");
    }

    @Test
    void aRequestRefusedBeforeAnyRouteRanHasAnIdToo() {
        // headers too large to read: the id sent among them cannot be read either, so one is made
        Reply reply = http.get(TYPES, Map.of("X-Request-Id", "refused-1", "X-Big", "x".repeat(9_000)));
        assertEquals(431, reply.status());
        String id = reply.header("X-Request-Id");
        assertTrue(id != null && id.matches("[0-9a-f]{32}"), id);
        assertEquals(id, reply.json().at("/ia::result/ia::error/supportId").asText());
    }

    @Test
    void metricsShowRequestsByRouteTemplateMethodAndStatusThePoolAndTheJvm() {
        http.post(TYPES, "{\"id\": \"Reseller\"}");
        http.get(TYPES + "/1");
        http.get(TYPES + "/2");
        http.get("/nothing/here/" + System.nanoTime());
        Reply metrics = http.get("/metrics");
        assertEquals(200, metrics.status());
        assertTrue(metrics.header("Content-Type").startsWith("text/plain; version=0.0.4"), metrics.header("Content-Type"));
        String text = metrics.body();
        assertTrue(text.contains("http_server_requests_seconds_count{method=\"GET\","
                + "route=\"/objects/accounts-receivable/customer-type/{key}\",status=\"200\"} 1"), text);
        assertTrue(text.contains("http_server_requests_seconds_count{method=\"GET\","
                + "route=\"/objects/accounts-receivable/customer-type/{key}\",status=\"404\"} 1"), text);
        assertTrue(text.contains("http_server_requests_seconds_count{method=\"POST\","
                + "route=\"/objects/accounts-receivable/customer-type\",status=\"201\"} 1"), text);
        assertTrue(text.contains("route=\"unmatched\",status=\"404\"} 1"), "an unknown path is one series: " + text);
        assertTrue(text.contains("http_server_requests_seconds_bucket{method=\"POST\","
                + "route=\"/objects/accounts-receivable/customer-type\",status=\"201\",le=\"0.005\"}"), text);
        assertTrue(text.contains("classification_store_connections{state=\"max\"} 8.0"), text);
        assertTrue(text.contains("classification_busy_refusals_total{refused_by=\"server\"} 0.0"), text);
        assertTrue(text.contains("classification_busy_refusals_total{refused_by=\"store\"} 0.0"), text);
        assertTrue(text.contains("jvm_memory_used_bytes{area=\"heap\""), text);
    }

    @Test
    void readinessIsRefusedWhileStartingAndWhileStopping() throws Exception {
        Reply starting = http.get("/health/ready");
        assertEquals(503, starting.status());
        assertEquals("NOT_READY", starting.json().get("status").asText());
        server.markReady();
        assertEquals(200, http.get("/health/ready").status(), "ready once started");
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::stop);
        boolean refused = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!refused && !stopping.isDone() && System.nanoTime() < deadline) {
            try {
                refused = http.get("/health/ready").status() == 503; // on the connection kept open
            } catch (UncheckedIOException e) {
                break; // the connection was closed: the server stopped
            }
        }
        stopping.get(30, TimeUnit.SECONDS);
        assertTrue(refused, "a load balancer asking during the stop was told not to send more");
        server = HttpServer.start("127.0.0.1", 0, List.of(), () -> StoreState.of(app)); // for stop()
    }
}
