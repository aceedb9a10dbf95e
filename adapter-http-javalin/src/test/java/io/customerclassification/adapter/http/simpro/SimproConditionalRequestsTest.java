package io.customerclassification.adapter.http.simpro;

import static io.customerclassification.adapter.http.simpro.SimproHarness.BASE;
import static io.customerclassification.adapter.http.simpro.SimproHarness.assertError;
import static io.customerclassification.adapter.http.simpro.SimproHarness.create;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.customerclassification.adapter.http.ApiClient;
import io.customerclassification.adapter.http.ApiClient.Reply;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** CONTRACT §3.2 in the Simpro dialect: the item's strong ETag, {@code If-None-Match} and {@code If-Match}. */
class SimproConditionalRequestsTest {

    private final SimproHarness harness = new SimproHarness();

    private static Reply withHeader(ApiClient api, String method, String path, String body, String header,
            String value) {
        return api.send(method, path, body, body == null ? null : "application/json", Map.of(header, value));
    }

    @Test
    void everyItemAnswersAStrongTagThatMovesWithEveryChangeOfItsAnswer() {
        harness.run(api -> {
            create(api, "Gold");
            Reply first = api.get(BASE + "1");
            assertEquals("\"1.1\"", first.header("ETag"), "quoted, no W/: the id and the version");
            Reply patched = api.patch(BASE + "1", "{\"Name\": \"Golden\"}");
            assertEquals(204, patched.status());
            assertEquals("\"1.2\"", patched.header("ETag"), "a PATCH answers the new tag, with its 204");
            assertEquals("\"1.2\"", api.get(BASE + "1").header("ETag"));
            assertEquals("\"1.2\"", api.patch(BASE + "1", "{\"Name\": \"Golden\", \"Archived\": false}")
                    .header("ETag"), "a PATCH that changes nothing keeps the tag, as it keeps the answer");
            assertEquals("\"1.3\"", api.patch(BASE + "1", "{\"Archived\": true}").header("ETag"));
            create(api, "Silver");
            assertEquals("\"2.1\"", api.get(BASE + "2").header("ETag"), "tags of two profiles never meet");
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "                         | \"1.1\"",
        "?columns=ID,Name,Archived | \"1.1\"",
        "?columns=ID,Name         | \"1.1.ID-Name\"",
        "?columns=Name,ID         | \"1.1.Name-ID\"",
        "?columns=Archived        | \"1.1.Archived\""})
    void eachRepresentationHasATagOfItsOwn(String query, String tag) {
        harness.run(api -> {
            create(api, "Gold");
            Reply reply = api.get(BASE + "1" + (query == null ? "" : query));
            assertEquals(tag, reply.header("ETag"), reply.body());
            assertEquals(304, withHeader(api, "GET", BASE + "1" + (query == null ? "" : query), null, "If-None-Match",
                    tag).status());
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"1.2\"", "\"9.9\", \"1.2\"", "W/\"1.2\"", "*"})
    void ifNoneMatchNamingTheCurrentTagIs304WithoutABody(String ifNoneMatch) {
        harness.run(api -> {
            create(api, "Gold");
            api.patch(BASE + "1", "{\"Archived\": true}");
            Reply reply = withHeader(api, "GET", BASE + "1", null, "If-None-Match", ifNoneMatch);
            assertEquals(304, reply.status());
            assertEquals("", reply.body());
            assertEquals("\"1.2\"", reply.header("ETag"));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"1.1\"", "\"1.2.ID-Name\"", "1.2", ""})
    void ifNoneMatchNamingAnotherTagIsAnsweredInFull(String ifNoneMatch) {
        harness.run(api -> {
            create(api, "Gold");
            api.patch(BASE + "1", "{\"Archived\": true}");
            Reply reply = withHeader(api, "GET", BASE + "1", null, "If-None-Match", ifNoneMatch);
            assertEquals(200, reply.status());
            assertEquals("{\"ID\":1,\"Name\":\"Gold\",\"Archived\":true}", reply.body());
        });
    }

    @Test
    void aPatchOnATagThatIsNoLongerCurrentIs412AndChangesNothing() {
        harness.run(api -> {
            create(api, "Gold");
            String read = api.get(BASE + "1").header("ETag");
            assertEquals(204, withHeader(api, "PATCH", BASE + "1", "{\"Name\": \"Golden\"}", "If-Match", read).status());
            Reply stale = withHeader(api, "PATCH", BASE + "1", "{\"Name\": \"Platinum\"}", "If-Match", read);
            assertError(stale, 412, null,
                    "Customer profile 1 has changed since it was read: If-Match does not name its current ETag \"1.2\".");
            assertNull(stale.header("ETag"));
            assertEquals("{\"ID\":1,\"Name\":\"Golden\",\"Archived\":false}", api.get(BASE + "1").body());
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"1.2\"", "\"1.2.ID-Name\"", "\"1.1\", \"1.2\"", "*"})
    void ifMatchNamingATagOfTheCurrentVersionOrAnyLetsTheChangeThrough(String ifMatch) {
        harness.run(api -> {
            create(api, "Gold");
            api.patch(BASE + "1", "{\"Archived\": true}");
            Reply patched = withHeader(api, "PATCH", BASE + "1", "{\"Archived\": false}", "If-Match", ifMatch);
            assertEquals(204, patched.status(), patched.body());
            assertEquals("\"1.3\"", patched.header("ETag"));
            assertEquals(204, withHeader(api, "DELETE", BASE + "1", null, "If-Match",
                    ifMatch.equals("*") ? "*" : "\"1.3\"").status());
            assertError(api.get(BASE + "1"), 404, null, "Customer profile not found.");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"W/\"1.2\"", "\"2.2\"", "\"1.1\"", "1.2", "\"1.2", ""})
    void ifMatchNamingNoTagOfTheCurrentVersionStronglyIs412(String ifMatch) {
        harness.run(api -> {
            create(api, "Gold");
            create(api, "Silver");
            api.patch(BASE + "1", "{\"Archived\": true}");
            api.patch(BASE + "2", "{\"Archived\": true}");
            assertEquals(412, withHeader(api, "PATCH", BASE + "1", "{\"Archived\": false}", "If-Match", ifMatch)
                    .status());
            assertEquals(412, withHeader(api, "DELETE", BASE + "1", null, "If-Match", ifMatch).status());
            assertEquals("{\"ID\":1,\"Name\":\"Gold\",\"Archived\":true}", api.get(BASE + "1").body(), "unchanged");
        });
    }

    @Test
    void anUnknownProfileIs404AndABodyProblemComesAfterThePrecondition() {
        harness.run(api -> {
            create(api, "Gold");
            assertError(withHeader(api, "PATCH", BASE + "9", "{\"Archived\": true}", "If-Match", "\"9.1\""), 404, null,
                    "Customer profile not found.");
            assertError(withHeader(api, "DELETE", BASE + "9", null, "If-Match", "*"), 404, null,
                    "Customer profile not found.");
            assertEquals(412, withHeader(api, "PATCH", BASE + "1", "{\"Archived\": 5}", "If-Match", "\"1.7\"").status());
            assertError(withHeader(api, "PATCH", BASE + "1", "{\"Archived\": 5}", "If-Match", "\"1.1\""), 422,
                    "/Archived", "Archived must be a boolean.");
        });
    }
}
