package io.customerclassification.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.customerclassification.adapter.http.BearerAuthentication;
import io.customerclassification.adapter.http.intacct.IntacctDialect;
import io.customerclassification.adapter.http.simpro.SimproDialect;
import io.customerclassification.application.port.in.customerprofile.CreateCustomerProfileUseCase;
import io.customerclassification.application.port.in.customertype.CreateCustomerTypeUseCase;
import io.customerclassification.application.port.out.StoreBusyException;
import io.customerclassification.application.port.out.StoreFullException;
import io.customerclassification.bootstrap.e2e.Http;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every refusal of both dialects, sent with no {@code Accept} header and with {@code application/json},
 * {@code *}{@code /*} and {@code text/html} (what the vendors' SDKs and browsers send): each answer is in the
 * dialect's error format — never Javalin's or Jetty's own body — whoever refuses, a route, Javalin or Jetty.
 */
class RefusalMatrixTest {

    static final List<String> ACCEPTS = Arrays.asList(null, "application/json", "*/*", "text/html");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROFILES = "/api/v1.0/companies/0/setup/customerProfiles/";
    private static final String TYPES = "/objects/accounts-receivable/customer-type";
    private static final String QUERY = "/services/core/query";
    private static final String TOO_LONG = "a".repeat(HttpServer.Limits.DEFAULT.requestHeaderBytes());

    /** The server's answer: status, {@code Content-Type} and body. */
    record Answer(int status, String contentType, String body) {}

    /** Who answers for a path. */
    enum Owner {
        SIMPRO,
        INTACCT,
        NONE
    }

    /** One refusal: how to provoke it, given the {@code Accept} header to send (or null for none). */
    record Refusal(String name, Owner owner, int status, Function<String, Answer> send) {

        @Override
        public String toString() {
            return name;
        }
    }

    private static Path folder;
    private static CustomerClassification app;
    private static HttpServer server;
    private static Http http;

    /**
     * The real use cases over a real file, except that creating a record named {@code boom-500},
     * {@code boom-503} or {@code boom-507} fails as an unexpected failure, a busy store or a full store would.
     */
    @BeforeAll
    static void start() throws IOException {
        folder = Files.createTempDirectory("refusal-matrix");
        app = CustomerClassification.open(folder.resolve("matrix.db"));
        CreateCustomerProfileUseCase profiles = command -> {
            fail(command.name().value());
            return app.createCustomerProfile(command);
        };
        CreateCustomerTypeUseCase types = command -> {
            fail(command.name().value());
            return app.createCustomerType(command);
        };
        SimproDialect simpro = new SimproDialect(new SimproDialect.UseCases(profiles, app, app, app, app, app, app,
                app, app, app.services().idempotency()), BearerAuthentication.off());
        IntacctDialect intacct = new IntacctDialect(new IntacctDialect.UseCases(types, app, app, app, app, app, app,
                app, app, app, app, app, app, app.services().idempotency()), BearerAuthentication.off(),
                Clock.systemUTC());
        server = HttpServer.start("127.0.0.1", 0, List.of(simpro, intacct), () -> StoreState.of(app));
        http = new Http(server.port());
    }

    private static void fail(String name) {
        switch (name) {
            case "boom-500" -> throw new IllegalStateException("a failure nobody expected");
            case "boom-503" -> throw new StoreBusyException("no connection became free in time");
            case "boom-507" -> throw new StoreFullException("database or disk is full", null);
            default -> {
                // a name like any other
            }
        }
    }

    @AfterAll
    static void stop() throws IOException {
        server.stop();
        app.close();
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Collections.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    static Stream<Arguments> everyRefusalWithEveryAccept() {
        List<Refusal> refusals = new ArrayList<>();
        for (Owner owner : List.of(Owner.SIMPRO, Owner.INTACCT)) {
            boolean simpro = owner == Owner.SIMPRO;
            String collection = simpro ? PROFILES : TYPES;
            String item = simpro ? PROFILES + "999" : TYPES + "/999";
            String unknownRoute = simpro ? "/api/v1.0/nothing" : "/objects/nothing";
            String property = simpro ? "Name" : "id";
            String prefix = owner + " ";
            refusals.add(new Refusal(prefix + "no route", owner, 404, accept -> request("GET", unknownRoute, accept)));
            refusals.add(new Refusal(prefix + "no record", owner, 404, accept -> request("GET", item, accept)));
            refusals.add(new Refusal(prefix + "PUT", owner, 405, accept -> request("PUT", collection, accept)));
            refusals.add(new Refusal(prefix + "OPTIONS", owner, 405, accept -> request("OPTIONS", collection, accept)));
            refusals.add(new Refusal(prefix + "body over 1 MiB", owner, 413, accept -> post(collection, accept,
                    "application/json", BodyPublishers.ofString("{\"x\": \"" + "y".repeat(2 << 20) + "\"}"))));
            refusals.add(new Refusal(prefix + "body over 1 MiB without a length", owner, 413, accept -> {
                byte[] body = ("[\"" + "y".repeat(2 << 20) + "\"]").getBytes(StandardCharsets.UTF_8);
                return post(collection, accept, "application/json",
                        BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
            }));
            refusals.add(new Refusal(prefix + "text/plain body", owner, 415, accept -> post(collection, accept,
                    "text/plain", BodyPublishers.ofString("hello"))));
            refusals.add(new Refusal(prefix + "truncated JSON", owner, simpro ? 422 : 400, accept -> post(collection,
                    accept, "application/json", BodyPublishers.ofString("{\"" + property + "\": \"A\""))));
            refusals.add(new Refusal(prefix + "bytes that are no UTF-8", owner, simpro ? 422 : 400, accept -> post(
                    collection, accept, "application/json", BodyPublishers.ofByteArray(
                            new byte[] {'{', '"', 'x', '"', ':', '"', (byte) 0xff, '"', '}'}))));
            refusals.add(new Refusal(prefix + "a query past its limits", owner, simpro ? 422 : 400, accept -> simpro
                    ? request("GET", PROFILES + "?ID=in(" + "1,".repeat(1_000) + "1)", accept)
                    : post(QUERY, accept, "application/json", BodyPublishers.ofString("{\"object\":"
                            + " \"accounts-receivable/customer-type\", \"filters\": ["
                            + String.join(",", Collections.nCopies(5_000, "{\"$eq\": {\"id\": \"A\"}}")) + "]}"))));
            refusals.add(new Refusal(prefix + "headers over 8 KiB", owner, 431, accept -> send(
                    "GET", collection, accept, BodyPublishers.noBody(), Map.of("X-Padding", TOO_LONG))));
            refusals.add(new Refusal(prefix + "request line over 8 KiB", owner, 414,
                    accept -> request("GET", collection + "?x=" + TOO_LONG, accept)));
            refusals.add(new Refusal(prefix + "a header Jetty cannot parse", owner, 400, accept -> raw(
                    "GET " + collection + " HTTP/1.1\r\nHost: x\r\n" + acceptLine(accept) + "Bad Header\r\n\r\n")));
            refusals.add(new Refusal(prefix + "a request line Jetty cannot parse", owner, 505, accept -> raw(
                    "GET " + collection + " HTTP/7.0\r\nHost: x\r\n" + acceptLine(accept) + "\r\n")));
            refusals.add(new Refusal(prefix + "a path Jetty cannot decode", owner, 400,
                    accept -> request("GET", collection + "/%00", accept)));
            for (int status : List.of(500, 503, 507)) {
                refusals.add(new Refusal(prefix + "a create that fails with " + status, owner, status,
                        accept -> post(collection, accept, "application/json",
                                BodyPublishers.ofString("{\"" + property + "\": \"boom-" + status + "\"}"))));
            }
        }
        refusals.add(new Refusal("no dialect: /nothing", Owner.NONE, 404, accept -> request("GET", "/nothing", accept)));
        refusals.add(new Refusal("no dialect: POST / (the console's page)", Owner.NONE, 405,
                accept -> post("/", accept, "application/json", BodyPublishers.ofString("{}"))));
        refusals.add(new Refusal("no dialect: POST /health", Owner.NONE, 405,
                accept -> post("/health", accept, "application/json", BodyPublishers.ofString("{}"))));
        return refusals.stream().flatMap(refusal -> ACCEPTS.stream().map(accept -> Arguments.of(refusal, accept)));
    }

    @ParameterizedTest(name = "{0}, Accept: {1}")
    @MethodSource
    void everyRefusalWithEveryAccept(Refusal refusal, String accept) {
        Answer answer = refusal.send().apply(accept);
        assertEquals(refusal.status(), answer.status(), answer::toString);
        assertFormat(refusal.owner(), answer);
    }

    /** Overload, and a request on an open connection while the server stops: 503 in the owner's format. */
    @Test
    void overloadAndShutdownAreRefusedInTheOwnersFormatWhateverTheAccept() throws Exception {
        HeldDialect held = new HeldDialect(Duration.ofSeconds(20));
        SimproDialect simpro = new SimproDialect(SimproDialect.UseCases.of(app, app, app.services().idempotency()),
                BearerAuthentication.off());
        IntacctDialect intacct = new IntacctDialect(IntacctDialect.UseCases.of(app, app, app.services().idempotency()),
                BearerAuthentication.off(), Clock.systemUTC());
        HttpServer busy = HttpServer.start("127.0.0.1", 0, List.of(held, simpro, intacct),
                () -> new StoreState(true, Optional.empty()),
                HttpServer.Limits.DEFAULT.withRequests(1, 0, Duration.ofMillis(100)));
        Http client = new Http(busy.port());
        CompletableFuture<Http.Reply> holding = CompletableFuture.supplyAsync(() -> client.get("/slow"));
        try {
            assertTrue(held.entered.await(10, TimeUnit.SECONDS), "the held request never started");
            List<Socket> kept = new ArrayList<>();
            Map<Socket, String[]> requests = new LinkedHashMap<>();
            for (String accept : ACCEPTS) {
                for (String path : List.of(PROFILES, TYPES)) {
                    Owner owner = path.equals(PROFILES) ? Owner.SIMPRO : Owner.INTACCT;
                    Answer overloaded = send(client, "GET", path, accept, BodyPublishers.noBody(), Map.of());
                    assertEquals(503, overloaded.status(), overloaded::toString);
                    assertFormat(owner, overloaded);
                    Socket socket = new Socket("127.0.0.1", busy.port());
                    socket.setSoTimeout(10_000);
                    kept.add(socket);
                    requests.put(socket, new String[] {path, accept});
                }
            }
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(busy::stop);
            try {
                for (Map.Entry<Socket, String[]> request : requests.entrySet()) {
                    String path = request.getValue()[0];
                    Answer answer = answerWhileStopping(request.getKey(), path, request.getValue()[1]);
                    assertEquals(503, answer.status(), answer::toString);
                    assertFormat(path.equals(PROFILES) ? Owner.SIMPRO : Owner.INTACCT, answer);
                }
            } finally {
                held.release();
                for (Socket socket : kept) {
                    socket.close();
                }
                stopping.get(30, TimeUnit.SECONDS);
            }
        } finally {
            held.release();
            holding.get(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Sends the request on a connection accepted before the stop, again while it is served (the stop first lets
     * such connections finish their exchange), until the stop refuses it: within 10 s.
     */
    private static Answer answerWhileStopping(Socket socket, String path, String accept) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            Answer answer = exchange(socket, "GET " + path + " HTTP/1.1\r\nHost: x\r\n" + acceptLine(accept) + "\r\n");
            if (answer.status() != 200 || System.nanoTime() > deadline) {
                return answer;
            }
            Thread.sleep(50);
        }
    }

    /** The answer is JSON in the owner's error format (CONTRACT §1, §2), else the product's neutral one. */
    static void assertFormat(Owner owner, Answer answer) {
        assertTrue(answer.contentType() != null && answer.contentType().startsWith("application/json"),
                () -> "not JSON: " + answer);
        JsonNode json;
        try {
            json = JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new AssertionError("the body is not JSON: " + answer, e);
        }
        switch (owner) {
            case SIMPRO -> {
                assertEquals(1, json.size(), () -> "Simpro errors have one property: " + answer);
                JsonNode error = json.path("errors").path(0);
                assertTrue(error.has("path") && error.has("value") && error.path("message").isTextual()
                        && !error.path("message").asText().isBlank(), () -> "no Simpro error: " + answer);
            }
            case INTACCT -> {
                JsonNode error = json.at("/ia::result/ia::error");
                for (String field : List.of("code", "message", "errorId", "supportId")) {
                    assertTrue(error.path(field).isTextual() && !error.path(field).asText().isBlank(),
                            () -> "ia::error has no " + field + ": " + answer);
                }
                assertTrue(error.at("/additionalInfo/messageId").isTextual(), () -> "no messageId: " + answer);
                assertEquals(1, json.at("/ia::meta/totalError").asInt(), answer::toString);
            }
            default -> {
                assertEquals(1, json.size(), answer::toString);
                assertTrue(json.path("error").isTextual(), () -> "not the neutral body: " + answer);
            }
        }
    }

    private static String acceptLine(String accept) {
        return accept == null ? "" : "Accept: " + accept + "\r\n";
    }

    private static Answer request(String method, String path, String accept) {
        return send(method, path, accept, BodyPublishers.noBody(), Map.of());
    }

    private static Answer post(String path, String accept, String contentType, BodyPublisher body) {
        return send("POST", path, accept, body, Map.of("Content-Type", contentType));
    }

    private static Answer send(String method, String path, String accept, BodyPublisher body,
            Map<String, String> headers) {
        return send(http, method, path, accept, body, headers);
    }

    private static Answer send(Http client, String method, String path, String accept, BodyPublisher body,
            Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        if (accept != null) {
            all.put("Accept", accept);
        }
        Http.Reply reply = client.exchange(method, path, body, all);
        return new Answer(reply.status(), reply.header("Content-Type"), reply.body());
    }

    /** Sends {@code request} as it is on a connection of its own and reads the answer to the end. */
    private static Answer raw(String request) {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            return exchange(socket, request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code request} and reads one answer (its head, then as many body bytes as it says). */
    private static Answer exchange(Socket socket, String request) throws IOException {
        socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
        var in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the connection closed before an answer: " + head);
            }
            head.append((char) b);
        }
        int status = Integer.parseInt(head.substring(9, 12));
        String contentType = null;
        int length = 0;
        for (String line : head.toString().split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).equalsIgnoreCase("Content-Type")) {
                contentType = line.substring(colon + 1).strip();
            } else if (colon > 0 && line.substring(0, colon).equalsIgnoreCase("Content-Length")) {
                length = Integer.parseInt(line.substring(colon + 1).strip());
            }
        }
        return new Answer(status, contentType, new String(in.readNBytes(length), StandardCharsets.UTF_8));
    }
}
