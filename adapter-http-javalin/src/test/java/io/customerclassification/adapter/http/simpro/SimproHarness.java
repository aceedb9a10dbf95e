package io.customerclassification.adapter.http.simpro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.customerclassification.adapter.http.ApiClient;
import io.customerclassification.adapter.http.ApiClient.Reply;
import io.customerclassification.adapter.http.BearerAuthentication;
import io.customerclassification.adapter.http.HttpApi;
import io.customerclassification.application.inmemory.InMemoryApplication;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/**
 * The Simpro dialect over an in-memory application, and a client whose every reply to a documented path is
 * validated against {@code /openapi/simpro-customer-profiles.json}.
 */
final class SimproHarness {

    static final String BASE = "/api/v1.0/companies/0/setup/customerProfiles/";
    private static final Pattern PROFILES = Pattern.compile("(/api/v1\\.0/companies/[^/]+/setup/customerProfiles)/?");
    private static final Pattern PROFILE = Pattern.compile("(/api/v1\\.0/companies/[^/]+/setup/customerProfiles/[^/]+)/?");
    private static final Pattern EXPORT = Pattern.compile("(/api/v1\\.0/companies/[^/]+/setup/customerProfiles/(export|import))/?");
    private static final Pattern COMPANY = Pattern.compile("(/api/v1\\.0/companies/[^/]+)/?");

    final InMemoryApplication app = InMemoryApplication.create();

    SimproDialect.UseCases useCases() {
        return SimproDialect.UseCases.of(app.profiles(), app.companies(), app.idempotency());
    }

    void run(Consumer<ApiClient> test) {
        run(useCases(), test);
    }

    void run(SimproDialect.UseCases useCases, Consumer<ApiClient> test) {
        SimproDialect dialect = new SimproDialect(useCases, BearerAuthentication.off());
        Javalin server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            new HttpApi(List.of(dialect)).configure(config);
        });
        JavalinTest.test(server, (s, client) -> test.accept(
                new ApiClient(client.getOrigin(), "/openapi/simpro-customer-profiles.json", SimproHarness::specPath)));
    }

    /** The path template of the document that describes {@code path}, or null for paths it does not describe. */
    static String specPath(String path) {
        Matcher m;
        if ((m = PROFILES.matcher(path)).matches()) {
            return m.group(1) + "/";
        }
        if ((m = EXPORT.matcher(path)).matches()) {
            return m.group(1);
        }
        if ((m = PROFILE.matcher(path)).matches() || (m = COMPANY.matcher(path)).matches()) {
            return m.group(1);
        }
        if (path.equals("/api/v1.0/companies") || path.equals("/api/v1.0/companies/")) {
            return "/api/v1.0/companies/";
        }
        return null;
    }

    static Reply create(ApiClient api, String name) {
        Reply reply = api.post(BASE, "{\"Name\": \"" + name + "\"}");
        assertEquals(201, reply.status(), reply.body());
        return reply;
    }

    static List<String> names(Reply reply) {
        return StreamSupport.stream(reply.json().spliterator(), false).map(n -> n.get("Name").asText()).toList();
    }

    /** The reply has {@code status} and, among its errors, one with {@code path} and {@code message}. */
    static void assertError(Reply reply, int status, String path, String message) {
        assertEquals(status, reply.status(), reply.body());
        JsonNode errors = reply.json().get("errors");
        assertTrue(StreamSupport.stream(errors.spliterator(), false).anyMatch(e ->
                        (path == null ? e.get("path").isNull() : path.equals(e.get("path").asText()))
                                && e.get("message").asText().equals(message)),
                "expected " + path + " '" + message + "' in " + reply.body());
    }
}
