package io.customerclassification.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.adapter.http.intacct.IntacctDialect;
import io.customerclassification.adapter.http.simpro.SimproDialect;
import io.customerclassification.application.inmemory.InMemoryApplication;
import io.customerclassification.bootstrap.e2e.Http;
import io.customerclassification.bootstrap.e2e.Http.Reply;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each limit of {@link HttpServer.Limits}, met by a real request over loopback. */
class LimitsTest {

    private static final String PROFILES = "/api/v1.0/companies/0/setup/customerProfiles/";
    private static final String TYPES = "/objects/accounts-receivable/customer-type";
    private static final String SIMPRO_ERROR = "{\"errors\":[{\"path\":null,\"message\":\"%s\",\"value\":null}]}";

    private final HeldDialect slow = new HeldDialect(Duration.ofSeconds(20));
    private final List<HttpServer> servers = new ArrayList<>();
    private final ExecutorService clients = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        slow.release();
        servers.forEach(HttpServer::stop);
        clients.shutdownNow();
    }

    private CompletableFuture<Reply> async(Supplier<Reply> request) {
        return CompletableFuture.supplyAsync(request, clients);
    }

    private Http start(HttpServer.Limits limits) {
        return new Http(serve(limits).port());
    }

    private HttpServer serve(HttpServer.Limits limits) {
        InMemoryApplication app = InMemoryApplication.create();
        SimproDialect simpro = new SimproDialect(new SimproDialect.UseCases(app.profiles(), app.profiles(),
                app.profiles(), app.profiles(), app.profiles(), app.companies(), app.companies()));
        IntacctDialect intacct = new IntacctDialect(new IntacctDialect.UseCases(app.types(), app.types(), app.types(),
                app.types(), app.types(), app.types(), app.types(), app.types(), app.companies()), Clock.systemUTC());
        HttpServer server = HttpServer.start("127.0.0.1", 0, List.of(slow, simpro, intacct), () -> StoreState.WRITABLE, limits);
        servers.add(server);
        return server;
    }

    private static HttpServer.Limits limits(int active, int waiting, Duration maxWait) {
        HttpServer.Limits defaults = HttpServer.Limits.DEFAULT;
        return new HttpServer.Limits(defaults.workerThreads(), active, waiting, maxWait, defaults.requestHeaderBytes(),
                defaults.idleTimeout(), defaults.connections());
    }

    @Test
    void overloadIsAnswered503WithRetryAfterInTheOwnersFormatAndTheHealthCheckStillAnswers() throws Exception {
        Http http = start(limits(1, 1, Duration.ofMillis(500)));
        CompletableFuture<Reply> running = async(() -> http.get("/slow"));
        assertTrue(slow.entered.await(10, TimeUnit.SECONDS), "the first request never started");
        CompletableFuture<Reply> waiting = async(() -> http.get(PROFILES));
        Thread.sleep(100);

        Reply refused = http.get(PROFILES);
        assertEquals(503, refused.status(), refused::toString);
        assertEquals("1", refused.header("Retry-After"));
        assertEquals(SIMPRO_ERROR.formatted("The server is busy; retry after 1 s."), refused.body());
        assertEquals(200, http.get("/health").status(), "the health check is never held back");

        Reply expired = waiting.get(10, TimeUnit.SECONDS);
        assertEquals(503, expired.status(), "a request waits at most maxWait: " + expired);
        assertEquals("1", expired.header("Retry-After"));

        slow.release();
        assertEquals(200, running.get(10, TimeUnit.SECONDS).status());
        assertEquals(200, http.get(PROFILES).status(), "the server serves again once the load is gone");
    }

    @Test
    void whileTheServerStopsAcceptedConnectionsAreServedAndNewOnesRefusedAtConnect() throws Exception {
        HttpServer server = serve(HttpServer.Limits.DEFAULT);
        int port = server.port();
        Http http = new Http(port);
        CompletableFuture<Reply> inFlight = async(() -> http.get("/slow"));
        assertTrue(slow.entered.await(10, TimeUnit.SECONDS), "the held request never started");
        assertEquals(200, http.get("/health").status(), "opens a second connection, kept alive");
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::stop, clients);
        Thread.sleep(300);

        assertEquals(200, http.get(PROFILES).status(), "a connection accepted before the stop is served while it drains");
        try (java.net.Socket late = new java.net.Socket()) {
            assertThrows(java.net.ConnectException.class,
                    () -> late.connect(new java.net.InetSocketAddress("127.0.0.1", port), 2_000),
                    "a new connection is refused at connect, not accepted and then cut off");
        }
        slow.release();
        assertEquals(200, inFlight.get(10, TimeUnit.SECONDS).status(), "the request in flight is finished");
        stopping.get(20, TimeUnit.SECONDS);
    }

    @Test
    void requestsOverTheActiveLimitWaitTheirTurnWithoutRunning() throws Exception {
        Http http = start(limits(2, 10, Duration.ofSeconds(10)));
        List<CompletableFuture<Reply>> replies = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            replies.add(async(() -> http.get("/slow")));
        }
        assertTrue(slow.entered.await(10, TimeUnit.SECONDS));
        Thread.sleep(300);
        slow.release();
        for (CompletableFuture<Reply> reply : replies) {
            assertEquals(200, reply.get(20, TimeUnit.SECONDS).status());
        }
        assertEquals(2, slow.mostAtOnce.get(), "no more than activeRequests handlers ran at once");
    }

    @Test
    void intacctPathsAreRefusedInTheIntacctEnvelope() throws Exception {
        Http http = start(limits(1, 0, Duration.ofMillis(200)));
        Reply headers = http.get(TYPES, Map.of("X-Padding", "a".repeat(HttpServer.Limits.DEFAULT.requestHeaderBytes())));
        assertEquals(431, headers.status(), headers::toString);
        assertIntacctError(headers, "invalidRequest", "CC-1400", "The request headers are too large.");

        CompletableFuture<Reply> running = async(() -> http.get("/slow"));
        assertTrue(slow.entered.await(10, TimeUnit.SECONDS), "the first request never started");
        Reply busy = http.post("/services/core/query", "{\"object\": \"accounts-receivable/customer-type\"}");
        assertEquals(503, busy.status(), busy::toString);
        assertEquals("1", busy.header("Retry-After"));
        assertIntacctError(busy, "serviceUnavailable", "CC-1503", "The server is busy; retry after 1 s.");
        slow.release();
        assertEquals(200, running.get(10, TimeUnit.SECONDS).status());
    }

    private static void assertIntacctError(Reply reply, String code, String errorId, String message) {
        var error = reply.json().at("/ia::result/ia::error");
        assertEquals(code, error.path("code").asText(), reply.body());
        assertEquals(errorId, error.path("errorId").asText(), reply.body());
        assertEquals(message, error.path("message").asText(), reply.body());
        assertFalse(error.path("supportId").asText().isEmpty(), reply.body());
        assertEquals(1, reply.json().at("/ia::meta/totalError").asInt(), reply.body());
    }

    @Test
    void headersOverTheLimitAre431InTheOwnersFormat() {
        Http http = start(HttpServer.Limits.DEFAULT);
        Reply reply = http.get(PROFILES, Map.of("X-Padding", "a".repeat(HttpServer.Limits.DEFAULT.requestHeaderBytes())));
        assertEquals(431, reply.status(), reply::toString);
        assertEquals(SIMPRO_ERROR.formatted("The request headers are too large."), reply.body());
        assertEquals(200, http.get(PROFILES, Map.of("X-Padding", "a".repeat(4_000))).status());
    }

    @Test
    void aRequestLineOverTheLimitIs414WithTheNeutralBodyAsJettyDropsThePath() {
        Http http = start(HttpServer.Limits.DEFAULT);
        Reply reply = http.get(PROFILES + "?Name=" + "a".repeat(HttpServer.Limits.DEFAULT.requestHeaderBytes()));
        assertEquals(414, reply.status(), reply::toString);
        assertEquals("{\"error\":\"The request URI is too long.\"}", reply.body());
    }

    @Test
    void aPathJettyCannotDecodeIs400WithTheNeutralBody() {
        Http http = start(HttpServer.Limits.DEFAULT);
        Reply reply = http.get("/api/v1.0/companies/%00/setup/customerProfiles/");
        assertEquals(400, reply.status(), reply::toString);
        assertEquals("{\"error\":\"The request is malformed.\"}", reply.body());
        Reply badUtf8 = http.get(PROFILES + "%C0%80");
        assertEquals(404, badUtf8.status(), "bad UTF-8 reaches the routes and gets the dialect's 404: " + badUtf8);
    }

    @Test
    void bodiesOverOneMebibyteAre413EvenWhenSentWithoutALength() {
        Http http = start(HttpServer.Limits.DEFAULT);
        byte[] body = ("{\"Name\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        Reply chunked = http.exchange("POST", PROFILES, BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)),
                Map.of("Content-Type", "application/json"));
        assertEquals(413, chunked.status(), chunked::toString);
        assertEquals(SIMPRO_ERROR.formatted("Request body is larger than 1 MiB."), chunked.body());
        assertEquals("[]", http.get(PROFILES).body(), "nothing was created");
    }

    @Test
    void anIdleConnectionIsClosedAfterTheIdleTimeout() throws IOException {
        HttpServer.Limits defaults = HttpServer.Limits.DEFAULT;
        HttpServer.Limits quick = new HttpServer.Limits(defaults.workerThreads(), defaults.activeRequests(),
                defaults.waitingRequests(), defaults.maxWait(), defaults.requestHeaderBytes(), Duration.ofMillis(300),
                defaults.connections());
        try (Socket idle = new Socket("127.0.0.1", serve(quick).port())) {
            idle.setSoTimeout(10_000);
            idle.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
            long start = System.nanoTime();
            InputStream in = idle.getInputStream();
            while (in.read() >= 0) {
                // Jetty may answer the unfinished request with 408 before it closes
            }
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(waited >= 250 && waited < 5_000, "closed after " + waited + " ms");
        }
    }

    @Test
    void connectionsOverTheLimitWaitToBeAcceptedUntilOneCloses() throws Exception {
        HttpServer.Limits defaults = HttpServer.Limits.DEFAULT;
        HttpServer.Limits two = new HttpServer.Limits(defaults.workerThreads(), defaults.activeRequests(),
                defaults.waitingRequests(), defaults.maxWait(), defaults.requestHeaderBytes(), defaults.idleTimeout(), 2);
        int port = serve(two).port();
        try (Socket first = new Socket("127.0.0.1", port); Socket second = new Socket("127.0.0.1", port)) {
            Thread.sleep(200);
            CompletableFuture<Reply> third = async(() -> new Http(port).get("/health"));
            Thread.sleep(500);
            assertFalse(third.isDone(), "a third connection was served while two were open");
            first.close();
            assertEquals(200, third.get(10, TimeUnit.SECONDS).status());
        }
    }
}
