package io.customerclassification.bootstrap.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.bootstrap.CustomerClassificationServer;
import io.customerclassification.bootstrap.DatabaseLocation;
import io.customerclassification.bootstrap.IdentityConfig;
import io.customerclassification.bootstrap.ServerConfig;
import io.customerclassification.bootstrap.e2e.Http;
import io.customerclassification.bootstrap.e2e.Http.Reply;
import io.customerclassification.bootstrap.reliability.HostileRequests.HostileRequest;
import io.customerclassification.domain.company.Company;
import io.customerclassification.domain.identity.ClientId;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Hostile input on every route of both dialects, sent over real HTTP to the real server on a real database file:
 * never a 5xx, never a hang; every request the contract refuses whatever the state of the server ({@link Refusals})
 * is refused, with a 4xx in the owning dialect's error format, and a refused request changes nothing in the
 * database. A generated request no rule of {@link Refusals} marks may happen to be valid, and may be accepted; at
 * least {@value #MIN_MARKED_PERCENT} % of each property's requests are marked, so that each property is about what
 * its name says.
 *
 * <p>The server requires credentials. Each request carries, at random, the admin's valid token (most often), no
 * token, or one that must never pass: forged (another key, no signature, an HMAC keyed with the public key, a changed
 * payload), expired, of another issuer, revoked, of a deleted client, an unknown API key, or a valid token of a client
 * with no grant ({@link Credentials}); none of those ever gets a 2xx, and every 401 carries its challenge.
 *
 * <p>jqwik prints each property's seed; replay one with {@code @Property(seed = "…")} on that property
 * (docs/reliability.md). The tries add up to {@value #MIN_REQUESTS}+ requests per run. Each subclass runs the
 * properties over one store: {@link HostileInputTest} over an SQLite file, {@link PostgresHostileInputTest} over
 * PostgreSQL.
 */
abstract class HostileInput {

    static final int MIN_REQUESTS = 10_000;
    private static final String SECRET = "hostile-secret-0123456789";
    private static Credentials credentials;
    static final int MIN_MARKED_PERCENT = 50;

    private static CustomerClassificationServer server;
    private static Http http;
    private static DatabaseFile database;
    private static String snapshot;
    private static final Map<Integer, AtomicLong> STATUSES = new TreeMap<>();
    /** Per property: requests sent, and those {@link Refusals} marks. */
    private static final Map<String, long[]> MARKED = new TreeMap<>();

    /**
     * Starts the server over the store, with the admin client {@code hostile}, seeds two companies, and reads the
     * store ({@code reader}) from then on after every request.
     */
    static void startServerWithTwoSeededCompanies(DatabaseLocation store, Supplier<DatabaseFile> reader) {
        STATUSES.clear();
        MARKED.clear();
        server = CustomerClassificationServer.start(new ServerConfig("127.0.0.1", 0, store,
                List.of(new Company(CompanyId.of(1), Name.of("Acme")))).withIdentity(new IdentityConfig(true,
                        new IdentityConfig.BootstrapClient(ClientId.of("hostile"), SECRET), null)));
        http = new Http(server.port());
        database = reader.get();
        credentials = Credentials.make(http, database.signingKey(), "hostile", SECRET);
        Map<String, String> admin = credentials.admin().headers();
        String profiles = "/api/v1.0/companies/%d/setup/customerProfiles/";
        seed(http.post(profiles.formatted(0), "{\"Name\": \"Gold\"}", admin));
        seed(http.post(profiles.formatted(0), "{\"Name\": \"Silver\", \"Archived\": true}", admin));
        seed(http.post(profiles.formatted(1), "{\"Name\": \"Bronze\"}", admin));
        String types = "/objects/accounts-receivable/customer-type";
        seed(http.post(types, "{\"id\": \"Reseller\"}", admin));
        seed(http.post(types, "{\"id\": \"Value-added reseller\", \"parent\": {\"key\": \"1\"}}", admin));
        seed(http.post(types, "{\"id\": \"Dormant\", \"status\": \"inactive\"}", admin));
        Map<String, String> inAcme = new HashMap<>(admin);
        inAcme.put("X-IA-API-Param-Entity", "1");
        seed(http.post(types, "{\"id\": \"Retail\"}", inAcme));
        snapshot = database.snapshot();
    }

    /** Stops the server and checks how many requests were sent and how many of each property were marked. */
    static void stopAndReport() {
        long total = STATUSES.values().stream().mapToLong(AtomicLong::get).sum();
        long serverErrors = STATUSES.entrySet().stream().filter(e -> e.getKey() >= 500)
                .mapToLong(e -> e.getValue().get()).sum();
        System.out.println("hostile-input: requests=" + total + " 5xx=" + serverErrors + " by status " + STATUSES);
        MARKED.forEach((property, counts) -> System.out.println("hostile-input: " + property + " requests=" + counts[0]
                + " refused whatever the state=" + counts[1]));
        database.close();
        server.stop();
        assertTrue(total >= MIN_REQUESTS, "only " + total + " hostile requests were sent");
        MARKED.forEach((property, counts) -> assertTrue(counts[1] * 100 >= MIN_MARKED_PERCENT * counts[0],
                property + ": only " + counts[1] + " of " + counts[0] + " requests are refused whatever the state"));
    }

    private static void seed(Reply reply) {
        assertEquals(201, reply.status(), () -> "seeding failed: " + reply);
    }

    @Property(tries = 2_500, generation = GenerationMode.RANDOMIZED)
    void simproBodiesAreRefusedInSimproFormatAndChangeNothing(@ForAll("simproBodies") HostileRequest request,
            @ForAll("credentials") Credentials.Credential credential) {
        check("simproBodiesAreRefusedInSimproFormatAndChangeNothing", request, credential);
    }

    @Property(tries = 2_500, generation = GenerationMode.RANDOMIZED)
    void simproQueryStringsAreRefusedInSimproFormat(@ForAll("simproQueries") HostileRequest request,
            @ForAll("credentials") Credentials.Credential credential) {
        check("simproQueryStringsAreRefusedInSimproFormat", request, credential);
    }

    @Property(tries = 2_000, generation = GenerationMode.RANDOMIZED)
    void intacctBodiesAreRefusedInIntacctFormatAndChangeNothing(@ForAll("intacctBodies") HostileRequest request,
            @ForAll("credentials") Credentials.Credential credential) {
        check("intacctBodiesAreRefusedInIntacctFormatAndChangeNothing", request, credential);
    }

    @Property(tries = 2_500, generation = GenerationMode.RANDOMIZED)
    void intacctQueriesAreRefusedInIntacctFormat(@ForAll("intacctQueries") HostileRequest request,
            @ForAll("credentials") Credentials.Credential credential) {
        check("intacctQueriesAreRefusedInIntacctFormat", request, credential);
    }

    @Property(tries = 1_000, generation = GenerationMode.RANDOMIZED)
    void wrongMethodsAndUnknownRoutesAreRefusedInTheOwnersFormat(@ForAll("methodsAndRoutes") HostileRequest request,
            @ForAll("credentials") Credentials.Credential credential) {
        check("wrongMethodsAndUnknownRoutesAreRefusedInTheOwnersFormat", request, credential);
    }

    /** Mostly the admin's valid token; else, at random, no token or one that must never get a 2xx. */
    @Provide
    Arbitrary<Credentials.Credential> credentials() {
        return credentials.arbitrary();
    }

    @Provide
    Arbitrary<HostileRequest> simproBodies() {
        return HostileRequests.withAnyAccept(HostileRequests.simproBodies());
    }

    @Provide
    Arbitrary<HostileRequest> simproQueries() {
        return HostileRequests.withAnyAccept(HostileRequests.simproQueries());
    }

    @Provide
    Arbitrary<HostileRequest> intacctBodies() {
        return HostileRequests.withAnyAccept(HostileRequests.intacctBodies());
    }

    @Provide
    Arbitrary<HostileRequest> intacctQueries() {
        return HostileRequests.withAnyAccept(HostileRequests.intacctQueries());
    }

    @Provide
    Arbitrary<HostileRequest> methodsAndRoutes() {
        return HostileRequests.withAnyAccept(HostileRequests.methodsAndRoutes());
    }

    private static void check(String property, HostileRequest request, Credentials.Credential credential) {
        boolean refused = Refusals.certain(request);
        synchronized (MARKED) {
            long[] counts = MARKED.computeIfAbsent(property, p -> new long[2]);
            counts[0]++;
            counts[1] += refused ? 1 : 0;
        }
        Reply reply;
        try {
            Map<String, String> headers = new HashMap<>(request.headers());
            headers.putAll(credential.headers());
            reply = http.exchange(request.method(), request.path(), body(request), headers);
        } catch (UncheckedIOException e) {
            throw new AssertionError("no answer (a hang or a dropped connection) to " + request, e);
        }
        int status = reply.status();
        STATUSES.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
        assertTrue(status >= 200 && status < 500, () -> "answered " + reply + " to " + request);
        if (refused) {
            assertTrue(status >= 400, () -> "accepted, with " + reply + ", a request the contract refuses: " + request);
        }
        if (!credential.mayPass()) {
            // Javalin answers HEAD itself, with an empty 200, without running a handler
            boolean showsNothing = credential.seesNothing() && (reply.body().equals("[]")
                    || "HEAD".equals(request.method()) && reply.body().isEmpty());
            assertTrue(status >= 400 || showsNothing,
                    () -> "accepted, with " + reply + ", a request with " + credential + ": " + request);
        }
        if (status == 401) {
            assertTrue(reply.header("WWW-Authenticate") != null
                    && reply.header("WWW-Authenticate").startsWith("Bearer realm="),
                            () -> "a 401 without challenge: " + reply);
        }
        String after = database.snapshot();
        if (status >= 400) {
            if (!"HEAD".equals(request.method())) {
                ErrorFormats.assertErrorEnvelope(request.path(), reply.body());
            }
            assertEquals(snapshot, after, () -> "a refused request changed the database: " + request);
        } else if (List.of("GET", "HEAD", "OPTIONS").contains(request.method())) {
            assertEquals(snapshot, after, () -> "a read changed the database: " + request);
        }
        snapshot = after;
    }

    /** The body's UTF-8 bytes, with a byte 0xFF (no UTF-8 character) put in where the request says. */
    private static byte[] bytes(HostileRequest request) {
        byte[] text = request.body().getBytes(StandardCharsets.UTF_8);
        if (request.invalidByteAt() < 0) {
            return text;
        }
        int at = Math.min(request.invalidByteAt(), text.length);
        byte[] broken = new byte[text.length + 1];
        System.arraycopy(text, 0, broken, 0, at);
        broken[at] = (byte) 0xff;
        System.arraycopy(text, at, broken, at + 1, text.length - at);
        return broken;
    }

    private static BodyPublisher body(HostileRequest request) {
        if (request.body() == null) {
            return BodyPublishers.noBody();
        }
        byte[] bytes = bytes(request);
        return request.chunked() ? BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))
                : BodyPublishers.ofByteArray(bytes);
    }
}
