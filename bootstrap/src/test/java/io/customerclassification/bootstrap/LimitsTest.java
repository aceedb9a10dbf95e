package io.customerclassification.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.adapter.http.BearerAuthentication;
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
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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
        SimproDialect simpro = new SimproDialect(SimproDialect.UseCases.of(app.profiles(), app.companies(),
                app.idempotency()), BearerAuthentication.off());
        IntacctDialect intacct = new IntacctDialect(IntacctDialect.UseCases.of(app.types(), app.companies(),
                app.idempotency()), BearerAuthentication.off(), Clock.systemUTC());
        HttpServer server = HttpServer.start("127.0.0.1", 0, List.of(slow, simpro, intacct),
                () -> new StoreState(true, Optional.empty()), limits);
        servers.add(server);
        return server;
    }

    private static HttpServer.Limits limits(int active, int waiting, Duration maxWait) {
        return HttpServer.Limits.DEFAULT.withRequests(active, waiting, maxWait);
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
    void readsOverTheirLimitWaitTheirTurnWhileWritesGoOn() throws Exception {
        Http http = start(limits(8, 10, Duration.ofSeconds(10)).withReads(1));
        CompletableFuture<Reply> held = async(() -> http.get("/slow"));
        assertTrue(slow.entered.await(10, TimeUnit.SECONDS), "the first read never started");
        CompletableFuture<Reply> read = async(() -> http.get(PROFILES));
        CompletableFuture<Reply> query = async(() -> http.post("/services/core/query",
                "{\"object\": \"accounts-receivable/customer-type\"}"));
        Thread.sleep(300);
        assertFalse(read.isDone(), "a second GET waits for the read's turn");
        assertFalse(query.isDone(), "the query service reads, so it waits too");

        Reply created = http.post(PROFILES, "{\"Name\": \"Written while reads wait\"}");
        assertEquals(201, created.status(), "a write does not wait for the reads: " + created);

        slow.release();
        assertEquals(200, held.get(10, TimeUnit.SECONDS).status());
        assertEquals(200, read.get(10, TimeUnit.SECONDS).status());
        assertEquals(200, query.get(10, TimeUnit.SECONDS).status());
        assertEquals(1, slow.mostAtOnce.get());
    }

    @Test
    void readsHaveTurnsOfTheirOwnOnSqliteOnly() {
        HttpServer.Limits defaults = HttpServer.Limits.DEFAULT;
        HttpServer.Limits sqlite = CustomerClassificationServer.readLimit(defaults,
                DatabaseLocation.file(Path.of("classification.db")));
        HttpServer.Limits postgres = CustomerClassificationServer.readLimit(defaults,
                DatabaseLocation.parse("postgresql://cc:secret@127.0.0.1:5432/cc", "--db"));
        assertEquals(Math.max(4, 2 * Runtime.getRuntime().availableProcessors()), sqlite.activeReads());
        assertTrue(sqlite.activeReads() < sqlite.activeRequests(), "fewer reads than request slots: " + sqlite);
        assertEquals(postgres.activeRequests(), postgres.activeReads(), "over PostgreSQL reads share the slots alone");
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

    /** Jetty refuses these before it has a request, so the path comes from what could be read of the line. */
    @Test
    void aRequestLineOverTheLimitIs414InTheFormatOfTheDialectItsPathNames() throws IOException {
        int port = serve(HttpServer.Limits.DEFAULT).port();
        Http http = new Http(port);
        String tooLong = "a".repeat(HttpServer.Limits.DEFAULT.requestHeaderBytes());
        Reply reply = http.get(PROFILES + "?Name=" + tooLong);
        assertEquals(414, reply.status(), reply::toString);
        assertEquals(SIMPRO_ERROR.formatted("The request URI is too long."), reply.body());
        assertIntacctError(http.get(TYPES + "/" + tooLong), "invalidRequest", "CC-1400", "The request URI is too long.");
        assertEquals("{\"error\":\"The request URI is too long.\"}", http.get("/" + tooLong).body());
        try (Socket socket = connectFrom("127.0.0.1", port)) {
            send(socket, "GET " + TYPES + " HTTP/9.9\r\nHost: x\r\n\r\n");
            String answer = readAll(socket);
            assertTrue(answer.startsWith("HTTP/1.1 400 ") || answer.startsWith("HTTP/1.1 505 "), answer);
            assertTrue(answer.contains("{\"ia::result\":{\"ia::error\":{\"code\":\"invalidRequest\""), answer);
        }
    }

    @Test
    void aPathJettyCannotDecodeIs400InTheFormatOfTheDialectItsLineNames() {
        Http http = start(HttpServer.Limits.DEFAULT);
        Reply reply = http.get("/api/v1.0/companies/%00/setup/customerProfiles/");
        assertEquals(400, reply.status(), reply::toString);
        assertEquals(SIMPRO_ERROR.formatted("The request is malformed."), reply.body());
        assertEquals("close", reply.header("Connection"), "Jetty closes this connection: the client must know");
        assertEquals("{\"error\":\"The request is malformed.\"}", http.get("/%00").body());
        for (int i = 0; i < 5; i++) {
            assertEquals(400, http.get(PROFILES + "%00").status());
            assertEquals(404, http.patch(PROFILES + "7", "{}").status(), "the next request has a connection that works");
        }
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
        HttpServer.Limits quick = defaults.withTimeouts(Duration.ofMillis(300), defaults.requestHeadTimeout(),
                defaults.bodyGrace(), defaults.minBodyBytesPerSecond());
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
        HttpServer.Limits two = HttpServer.Limits.DEFAULT.withConnections(2, 2);
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

    /** A raw connection to the server from {@code source}, a loopback address (all of 127.0.0.0/8 is loopback). */
    private static Socket connectFrom(String source, int port) throws IOException {
        Socket socket = new Socket();
        socket.bind(new java.net.InetSocketAddress(source, 0));
        socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    /** Whether the server closed the connection (reading ends) within {@code millis}, whatever it sent first. */
    private static boolean closedWithin(Socket socket, long millis) throws IOException {
        socket.setSoTimeout((int) millis);
        try {
            InputStream in = socket.getInputStream();
            while (in.read() >= 0) {
                // an answer before the close is allowed
            }
            return true;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (java.net.SocketException e) {
            return true; // reset
        }
    }

    /**
     * A slowloris from one address opens more connections than its share and keeps each unfinished request head
     * alive with one more header line now and then: its connections past the share are closed at once, the others
     * when their head is not complete within the limit, and meanwhile a client from another address is served at
     * once, its health check too.
     */
    @Test
    void aSlowlorisHoldsItsShareOfConnectionsAtMostAndOthersAreServedMeanwhile() throws Exception {
        HttpServer.Limits limits = HttpServer.Limits.DEFAULT.withConnections(16, 8).withTimeouts(
                HttpServer.Limits.DEFAULT.idleTimeout(), Duration.ofSeconds(4), HttpServer.Limits.DEFAULT.bodyGrace(),
                HttpServer.Limits.DEFAULT.minBodyBytesPerSecond());
        int port = serve(limits).port();
        List<Socket> hostile = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                Socket socket = connectFrom("127.0.0.2", port);
                hostile.add(socket);
                send(socket, "GET /health HTTP/1.1\r\nHost: x\r\n");
            }
            long started = System.nanoTime();
            ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
            trickle.scheduleAtFixedRate(() -> hostile.forEach(socket -> {
                try {
                    send(socket, "X-Slow: 1\r\n");
                } catch (IOException e) {
                    // closed by the server, as it should be
                }
            }), 200, 200, TimeUnit.MILLISECONDS);
            try {
                Http legitimate = new Http(port);
                long before = System.nanoTime();
                assertEquals(200, legitimate.get(PROFILES).status());
                assertEquals(200, legitimate.get("/health").status());
                long served = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before);
                assertTrue(served < 2_500, "the other client waited " + served + " ms");

                int closedAtOnce = 0;
                for (Socket socket : hostile) {
                    if (closedWithin(socket, 200)) {
                        closedAtOnce++;
                    }
                }
                assertEquals(12, closedAtOnce, "the connections past the share of 8 are closed at once; the 8 others"
                        + " are still held (the other client was served while they were)");
                for (Socket socket : hostile) {
                    assertTrue(closedWithin(socket, 8_000), "an unfinished head is cut off after its time limit");
                }
                long cutOff = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                assertTrue(cutOff >= 3_000, "cut off after " + cutOff + " ms, well before the 4 s limit");
            } finally {
                trickle.shutdownNow();
            }
            assertEquals(200, new Http(port).get(PROFILES).status());
        } finally {
            for (Socket socket : hostile) {
                socket.close();
            }
        }
    }

    /**
     * Bodies that trickle in hold a connection each, not one of the requests handled at once: with a single
     * request slot and no queue, a client is served while three slow bodies arrive, and each slow body is answered
     * 408 in the owner's format once it falls behind the minimum rate.
     */
    @Test
    void slowBodiesTakeNoRequestSlotAndAreAnswered408() throws Exception {
        HttpServer.Limits limits = HttpServer.Limits.DEFAULT.withRequests(1, 0, Duration.ofMillis(100)).withTimeouts(
                HttpServer.Limits.DEFAULT.idleTimeout(), HttpServer.Limits.DEFAULT.requestHeadTimeout(),
                Duration.ofSeconds(1), 1_000);
        int port = serve(limits).port();
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                Socket socket = connectFrom("127.0.0.2", port);
                slow.add(socket);
                send(socket, "POST " + PROFILES + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 100000\r\n\r\n{\"Name\"");
            }
            long started = System.nanoTime();
            for (int i = 0; i < 5; i++) {
                assertEquals(200, new Http(port).get(PROFILES).status(), "served while the slow bodies arrive");
            }
            for (Socket socket : slow) {
                send(socket, ":");
                String answer = readAll(socket);
                assertTrue(answer.startsWith("HTTP/1.1 408 "), answer);
                assertTrue(answer.endsWith(SIMPRO_ERROR.formatted("The request took too long to arrive.")), answer);
            }
            long refused = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertTrue(refused < 5_000, "refused after " + refused + " ms");
            assertEquals("[]", new Http(port).get(PROFILES).body(), "nothing was created");
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    /** A body that pauses within the grace period is no slow body (a scheduling pause, a slow first packet). */
    @Test
    void aBodyThatPausesWithinTheGraceIsServed() throws Exception {
        int port = serve(HttpServer.Limits.DEFAULT).port();
        try (Socket socket = connectFrom("127.0.0.1", port)) {
            send(socket, "POST " + PROFILES + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 16\r\nConnection: close\r\n\r\n{\"N");
            Thread.sleep(1_500);
            send(socket, "ame\": \"Gold\"}");
            String answer = readAll(socket);
            assertTrue(answer.startsWith("HTTP/1.1 201 "), answer);
        }
    }

    /** Everything the server sends until it closes the connection. */
    private static String readAll(Socket socket) throws IOException {
        return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
