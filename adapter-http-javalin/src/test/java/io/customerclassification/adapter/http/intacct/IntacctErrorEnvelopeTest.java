package io.customerclassification.adapter.http.intacct;

import static io.customerclassification.adapter.http.intacct.IntacctHarness.OBJECTS;
import static io.customerclassification.adapter.http.intacct.IntacctHarness.QUERY;
import static io.customerclassification.adapter.http.intacct.IntacctHarness.assertError;
import static io.customerclassification.adapter.http.intacct.IntacctHarness.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.customerclassification.adapter.http.ApiClient.Reply;
import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.port.in.customertype.CreateCustomerTypeCommand;
import io.customerclassification.application.port.out.StoreBusyException;
import io.customerclassification.domain.customertype.CustomerTypeStatus;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.ConflictException;
import io.customerclassification.domain.shared.InvalidIdentifierException;
import io.customerclassification.domain.shared.Name;
import io.customerclassification.domain.shared.NotFoundException;
import io.customerclassification.domain.shared.RuleViolationException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * CONTRACT §2 errors outside the payload: 404 for unknown records, keys and routes, 405 with {@code Allow},
 * 413, 415 and the 500 path, each in the Intacct error envelope with a supportId that is also logged.
 */
class IntacctErrorEnvelopeTest {

    private static final Caller SYSTEM = Caller.system(null);

    private final IntacctHarness harness = new IntacctHarness();

    /** Collects what {@link IntacctErrors} logs during one test. */
    private static ListAppender<ILoggingEvent> captureLog() {
        Logger logger = (Logger) LoggerFactory.getLogger(IntacctErrors.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        return appender;
    }

    private static void release(ListAppender<ILoggingEvent> appender) {
        ((Logger) LoggerFactory.getLogger(IntacctErrors.class)).detachAppender(appender);
    }

    @ParameterizedTest
    @ValueSource(strings = {"42", "abc", "0", "-1", "1.5", "1e3", "99999999999999999999", "%20"})
    void anUnknownOrMalformedKeyIs404OnGetPatchAndDelete(String key) {
        harness.run(api -> {
            api.create("{'id':'Gold'}");
            for (Reply reply : List.of(api.get(OBJECTS + "/" + key), api.patch(OBJECTS + "/" + key, "{}"),
                    api.delete(OBJECTS + "/" + key))) {
                JsonNode error = assertError(reply, 404, "notFound", "CC-1404");
                assertEquals("CC.RECORD_NOT_FOUND", error.get("additionalInfo").get("messageId").asText());
                assertTrue(error.get("message").asText().startsWith("Customer type with key "),
                        error.get("message").asText());
            }
            assertEquals(List.of("Gold"), column(api.get(OBJECTS), "id"));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"/objects/accounts-receivable/customer", "/objects/accounts-receivable/customer-type/1/x",
        "/ia/api/v1/objects/unknown", "/services/core/other", "/ia/api/v1/services/core/query/1"})
    void anUnknownRouteOfTheDialectIs404InItsEnvelope(String path) {
        harness.run(api -> {
            JsonNode error = assertError(api.get(path), 404, "notFound", "CC-1404");
            assertEquals("No such resource: " + path, error.get("message").asText());
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "PUT    | /objects/accounts-receivable/customer-type            | GET, POST",
        "PATCH  | /objects/accounts-receivable/customer-type            | GET, POST",
        "DELETE | /objects/accounts-receivable/customer-type            | GET, POST",
        "PUT    | /objects/accounts-receivable/customer-type/1          | GET, PATCH, DELETE",
        "POST   | /objects/accounts-receivable/customer-type/1          | GET, PATCH, DELETE",
        "GET    | /services/core/query                                  | POST",
        "PUT    | /services/core/query                                  | POST",
        "PATCH  | /services/core/query                                  | POST",
        "DELETE | /services/core/query                                  | POST",
        "DELETE | /ia/api/v1/objects/accounts-receivable/customer-type  | GET, POST",
        "POST   | /ia/api/v1/objects/accounts-receivable/customer-type/1 | GET, PATCH, DELETE",
        "GET    | /ia/api/v1/services/core/query                        | POST",
        "OPTIONS | /objects/accounts-receivable/customer-type           | GET, POST",
        "TRACE  | /objects/accounts-receivable/customer-type/1          | GET, PATCH, DELETE",
        "OPTIONS | /ia/api/v1/services/core/query                       | POST",
    })
    void aKnownRouteWithAnotherMethodIs405WithAllow(String method, String path, String allow) {
        harness.run(api -> {
            Reply reply = api.send(method, path, null, null);
            JsonNode error = assertError(reply, 405, "methodNotAllowed", "CC-1406");
            assertEquals(allow, reply.header("Allow"));
            assertEquals(method + " is not allowed here; allowed: " + allow, error.get("message").asText());
            assertEquals(method, error.get("additionalInfo").get("placeholders").get("METHOD").asText());
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"POST | " + OBJECTS, "PATCH | " + OBJECTS + "/1", "POST | " + QUERY})
    void aBodyAboveOneMebibyteIs413(String method, String path) {
        harness.run(api -> {
            api.create("{'id':'Gold'}");
            String big = "{\"id\":\"" + "x".repeat(1024 * 1024) + "\"}";
            JsonNode error = assertError(api.send(method, path, big, "application/json"), 413, "payloadTooLarge",
                    "CC-1413");
            assertEquals("The payload is larger than 1 MiB", error.get("message").asText());
            assertEquals(List.of("Gold"), column(api.get(OBJECTS), "id"));
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "POST  | " + OBJECTS + "      | text/plain",
        "POST  | " + OBJECTS + "      | application/x-www-form-urlencoded",
        "PATCH | " + OBJECTS + "/1    | text/plain",
        "POST  | " + QUERY + "        | application/xml",
    })
    void aNonJsonContentTypeIs415(String method, String path, String contentType) {
        harness.run(api -> {
            api.create("{'id':'Gold'}");
            JsonNode error = assertError(api.send(method, path, "{\"id\":\"Silver\"}", contentType), 415,
                    "unsupportedMediaType", "CC-1415");
            assertEquals("Content-Type must be application/json, was " + contentType, error.get("message").asText());
            assertEquals(List.of("Gold"), column(api.get(OBJECTS), "id"));
        });
    }

    @Test
    void aCharsetTheServerDoesNotKnowIs415() {
        harness.run(api -> {
            assertError(api.send("POST", OBJECTS, "{\"id\":\"A\"}", "application/json; charset=bogus"), 415,
                    "unsupportedMediaType", "CC-1415");
            assertEquals(List.of(), column(api.get(OBJECTS), "id"));
        });
    }

    @Test
    void jsonContentTypesWithParametersOrSuffixesAndNoneAtAllAreAccepted() {
        harness.run(api -> {
            assertEquals(201, api.send("POST", OBJECTS, "{\"id\":\"A\"}", "application/json; charset=utf-8").status());
            assertEquals(201, api.send("POST", OBJECTS, "{\"id\":\"B\"}", "application/merge-patch+json").status());
            assertEquals(201, api.send("POST", OBJECTS, "{\"id\":\"C\"}", null).status());
            assertEquals(List.of("A", "B", "C"), column(api.get(OBJECTS), "id"));
        });
    }

    @Test
    void aBusyStoreIs503WithRetryAfterAndAWarningNotAnError() {
        IntacctDialect.UseCases base = harness.useCases();
        IntacctDialect.UseCases busy = new IntacctDialect.UseCases(base.create(), base.get(), base.list(),
                base.update(), base.delete(), base.query(), base.aggregate(), base.lineage(), base.ancestors(), query -> {
                    throw new StoreBusyException("waited 10000 ms to read a subtree; too many at once");
                }, base.export(), base.importRows(), base.getCompany(), base.idempotency());
        ListAppender<ILoggingEvent> log = captureLog();
        try {
            harness.run(busy, api -> {
                api.create("{'id':'Root'}");
                Reply reply = api.get(OBJECTS + "/1/descendants");
                JsonNode error = assertError(reply, 503, "serviceUnavailable", "CC-1503");
                assertEquals("The server is busy; retry after 1 s.", error.get("message").asText());
                assertEquals("1", reply.header("Retry-After"));
                String supportId = error.get("supportId").asText();
                ILoggingEvent logged = log.list.stream()
                        .filter(event -> event.getFormattedMessage().contains(supportId)).findFirst()
                        .orElseThrow(() -> new AssertionError("supportId " + supportId + " is not in the log"));
                assertEquals(Level.WARN, logged.getLevel());
                assertTrue(logged.getFormattedMessage().contains("too many at once"), logged.getFormattedMessage());
                assertEquals(200, api.get(OBJECTS + "/1").status(), "the other routes still answer");
            });
        } finally {
            release(log);
        }
    }

    @Test
    void anUnexpectedFailureIs500WithASupportIdThatIsLoggedAndNoInternals() {
        IntacctDialect.UseCases base = harness.useCases();
        IntacctDialect.UseCases failing = new IntacctDialect.UseCases(base.create(), base.get(), query -> {
            throw new IllegalStateException("SQLITE_ERROR near SELECT * FROM customer_type");
        }, base.update(), base.delete(), base.query(), base.aggregate(), base.lineage(), base.ancestors(),
                base.descendants(), base.export(), base.importRows(), base.getCompany(), base.idempotency());
        ListAppender<ILoggingEvent> log = captureLog();
        try {
            harness.run(failing, api -> {
                Reply reply = api.get(OBJECTS);
                JsonNode error = assertError(reply, 500, "internalError", "CC-1500");
                String supportId = error.get("supportId").asText();
                assertEquals("An unexpected error occurred; quote support id " + supportId,
                        error.get("message").asText());
                assertEquals("CC.INTERNAL_ERROR", error.get("additionalInfo").get("messageId").asText());
                for (String internal : List.of("SQLITE", "SELECT", "Exception", "at io.", "customer_type")) {
                    assertFalse(reply.body().contains(internal), "leaks " + internal + ": " + reply.body());
                }
                ILoggingEvent logged = log.list.stream()
                        .filter(event -> event.getFormattedMessage().contains(supportId)).findFirst()
                        .orElseThrow(() -> new AssertionError("supportId " + supportId + " is not in the log"));
                assertEquals(Level.ERROR, logged.getLevel());
                assertEquals("SQLITE_ERROR near SELECT * FROM customer_type", logged.getThrowableProxy().getMessage(),
                        "the log keeps the cause for support");
            });
        } finally {
            release(log);
        }
    }

    @Test
    void everyErrorHasItsOwnSupportIdAndItIsLogged() {
        ListAppender<ILoggingEvent> log = captureLog();
        try {
            harness.run(api -> {
                String first = assertError(api.get(OBJECTS + "/1"), 404, "notFound", "CC-1404").get("supportId")
                        .asText();
                String second = assertError(api.get(OBJECTS + "/1"), 404, "notFound", "CC-1404").get("supportId")
                        .asText();
                assertNotEquals(first, second);
                for (String supportId : List.of(first, second)) {
                    assertTrue(log.list.stream().anyMatch(event -> event.getFormattedMessage().contains(supportId)
                            && event.getFormattedMessage().contains("CC-1404")), "supportId " + supportId + " logged");
                }
            });
        } finally {
            release(log);
        }
    }

    @Test
    void aDomainRefusalWithoutACodeOfItsOwnGetsTheStatusOfItsCategory() {
        IntacctDialect.UseCases base = harness.useCases();
        IntacctDialect.UseCases refusing = new IntacctDialect.UseCases(command -> {
            throw new RuleViolationException("A rule added later refuses this") {};
        }, base.get(), query -> {
            throw new InvalidIdentifierException("customer type", -1);
        }, command -> {
            throw new ConflictException("Someone else changed it") {};
        }, command -> {
            throw new NotFoundException("Something else is missing") {};
        }, base.query(), base.aggregate(), base.lineage(), base.ancestors(), base.descendants(), base.export(),
                base.importRows(), base.getCompany(), base.idempotency());
        harness.app.types().createCustomerType(new CreateCustomerTypeCommand(SYSTEM, CompanyId.DEFAULT,
                Name.of("Gold"), CustomerTypeStatus.ACTIVE, null));
        harness.run(refusing, api -> {
            JsonNode rule = assertError(api.post(OBJECTS, "{'id':'A'}"), 422, "ruleViolation", "CC-2000");
            assertEquals("A rule added later refuses this", rule.get("message").asText());
            JsonNode invalid = assertError(api.get(OBJECTS), 400, "invalidRequest", "REST-1064");
            assertEquals("Invalid customer type identifier: -1", invalid.get("details").get(0).get("message").asText());
            assertEquals("Someone else changed it", assertError(api.patch(OBJECTS + "/1", "{'status':'inactive'}"), 409,
                    "conflict", "CC-1410").get("message").asText());
            assertEquals("Something else is missing",
                    assertError(api.delete(OBJECTS + "/1"), 404, "notFound", "CC-1404").get("message").asText());
        });
    }
}
