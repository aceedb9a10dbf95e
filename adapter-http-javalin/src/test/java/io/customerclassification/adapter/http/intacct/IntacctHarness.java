package io.customerclassification.adapter.http.intacct;

import io.customerclassification.adapter.http.BearerAuthentication;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.customerclassification.adapter.http.ApiClient;
import io.customerclassification.adapter.http.ApiClient.Reply;
import io.customerclassification.adapter.http.HttpApi;
import io.customerclassification.application.inmemory.InMemoryApplication;
import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.port.in.company.RegisterCompanyCommand;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The Intacct dialect over an in-memory application with a clock the tests move, and a client whose every
 * reply is validated against {@code /openapi/intacct-customer-type.json}.
 */
final class IntacctHarness {

    private static final Caller SYSTEM = Caller.system(null);

    static final String OBJECTS = "/objects/accounts-receivable/customer-type";
    static final String QUERY = "/services/core/query";
    static final String LONG_PREFIX = "/ia/api/v1";
    static final Instant START = Instant.parse("2026-05-13T09:30:00Z");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DOCUMENTED = Pattern.compile(
            "(/ia/api/v1)?(/objects/accounts-receivable/customer-type(/[^/]+(/descendants|/ancestors)?)?|/services/core/query)");
    /** A path the document describes with the error envelope on 404, for replies to routes that do not exist. */
    private static final String UNDESCRIBED = OBJECTS + "/0";

    final MovableClock clock = new MovableClock(START);
    final InMemoryApplication app = InMemoryApplication.create(clock);

    IntacctDialect.UseCases useCases() {
        return IntacctDialect.UseCases.of(app.types(), app.companies(), app.idempotency());
    }

    void run(Consumer<Client> test) {
        run(useCases(), test);
    }

    void run(IntacctDialect.UseCases useCases, Consumer<Client> test) {
        IntacctDialect dialect = new IntacctDialect(useCases, BearerAuthentication.off(), clock);
        Javalin server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.prefer405over404 = true; // as the server is configured
            new HttpApi(List.of(dialect)).configure(config);
        });
        JavalinTest.test(server, (s, http) -> test.accept(new Client(
                new ApiClient(http.getOrigin(), "/openapi/intacct-customer-type.json", IntacctHarness::specPath),
                null)));
    }

    void registerCompany(long id, String name) {
        app.companies().registerCompany(new RegisterCompanyCommand(SYSTEM, CompanyId.of(id), Name.of(name)));
    }

    /** Every path the dialect owns is validated; those the document does not describe as its 404. */
    private static String specPath(String path) {
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return DOCUMENTED.matcher(trimmed).matches() ? trimmed : UNDESCRIBED;
    }

    /** Double quotes for single ones, so that request bodies read well in Java strings. */
    static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    static JsonNode tree(String singleQuoted) {
        try {
            return JSON.readTree(json(singleQuoted));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks status, code and errorId of an error reply and returns its {@code ia::error}. */
    static JsonNode assertError(Reply reply, int status, String code, String errorId) {
        assertEquals(status, reply.status(), reply.body());
        JsonNode error = reply.json().get("ia::result").get("ia::error");
        assertEquals(code, error.get("code").asText(), reply.body());
        assertEquals(errorId, error.get("errorId").asText(), reply.body());
        assertEquals(tree("{'totalCount':1,'totalSuccess':0,'totalError':1}"), reply.json().get("ia::meta"));
        return error;
    }

    /** A 400 about one part of the request: its errorId, its message and the one detail pointing at that part. */
    static JsonNode assertBadRequest(Reply reply, String errorId, String message, String target) {
        JsonNode error = assertError(reply, 400, "invalidRequest", errorId);
        assertEquals(message, error.get("message").asText(), reply.body());
        assertEquals(List.of(target), targets(error), reply.body());
        return error;
    }

    /** The {@code target}s of an error's details, in order. */
    static List<String> targets(JsonNode error) {
        List<String> targets = new ArrayList<>();
        error.path("details").forEach(detail -> targets.add(detail.path("target").asText(null)));
        return targets;
    }

    /** The values of one property over the rows of {@code ia::result}. */
    static List<String> column(Reply reply, String property) {
        List<String> values = new ArrayList<>();
        reply.json().get("ia::result").forEach(row -> values.add(row.get(property).asText(null)));
        return values;
    }

    /** The calls of one company (the {@code X-IA-API-Param-Entity} header, or none). */
    static final class Client {

        private final ApiClient api;
        private final String entity;

        Client(ApiClient api, String entity) {
            this.api = api;
            this.entity = entity;
        }

        Client entity(String entity) {
            return new Client(api, entity);
        }

        Reply send(String method, String path, String body, String contentType) {
            return send(method, path, body, contentType, Map.of());
        }

        /** With {@code headers} besides the entity's. */
        Reply send(String method, String path, String body, String contentType, Map<String, String> headers) {
            Map<String, String> all = new LinkedHashMap<>(headers);
            if (entity != null) {
                all.put(IntacctDialect.ENTITY_HEADER, entity);
            }
            return api.send(method, path, body, contentType, all);
        }

        /** Sends {@code body} byte for byte, as JSON. */
        Reply sendBytes(String method, String path, byte[] body) {
            return api.send(method, path, body, "application/json", entity == null ? Map.of() : Map.of(
                    IntacctDialect.ENTITY_HEADER, entity));
        }

        Reply get(String path) {
            return send("GET", path, null, null);
        }

        Reply delete(String path) {
            return send("DELETE", path, null, null);
        }

        Reply post(String path, String singleQuoted) {
            return send("POST", path, json(singleQuoted), "application/json");
        }

        Reply patch(String path, String singleQuoted) {
            return send("PATCH", path, json(singleQuoted), "application/json");
        }

        Reply query(String singleQuoted) {
            return post(QUERY, singleQuoted);
        }

        /** Creates a type from a body and returns its key. */
        String create(String singleQuoted) {
            Reply reply = post(OBJECTS, singleQuoted);
            assertEquals(201, reply.status(), reply.body());
            return reply.json().get("ia::result").get("key").asText();
        }

        String create(String id, String status) {
            return create("{'id':'" + id + "','status':'" + status + "'}");
        }

        String createUnder(String id, String parentKey) {
            return create("{'id':'" + id + "','parent':{'key':'" + parentKey + "'}}");
        }
    }

    /** A clock that stands still until a test moves it. */
    static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void set(Instant instant) {
            now = instant;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the tests run in UTC");
        }
    }
}
