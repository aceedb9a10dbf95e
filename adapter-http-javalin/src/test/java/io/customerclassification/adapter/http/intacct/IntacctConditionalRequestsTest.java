package io.customerclassification.adapter.http.intacct;

import static io.customerclassification.adapter.http.intacct.IntacctHarness.OBJECTS;
import static io.customerclassification.adapter.http.intacct.IntacctHarness.LONG_PREFIX;
import static io.customerclassification.adapter.http.intacct.IntacctHarness.assertError;
import static io.customerclassification.adapter.http.intacct.IntacctHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.customerclassification.adapter.http.ApiClient.Reply;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CONTRACT §3.2 in the Intacct dialect: the item's strong ETag, {@code If-None-Match} and {@code If-Match}. */
class IntacctConditionalRequestsTest {

    private final IntacctHarness harness = new IntacctHarness();

    private static Reply withHeader(IntacctHarness.Client api, String method, String path, String singleQuoted,
            String header, String value) {
        return api.send(method, path, singleQuoted == null ? null : json(singleQuoted),
                singleQuoted == null ? null : "application/json", Map.of(header, value));
    }

    @Test
    void everyItemAnswersAStrongTagThatMovesWithEveryChangeOfItsAnswer() {
        harness.run(api -> {
            String key = api.create("{'id':'Reseller'}");
            Reply first = api.get(OBJECTS + "/" + key);
            assertEquals("\"1.1\"", first.header("ETag"), "quoted, no W/: the key and the version");
            assertEquals(first.header("ETag"), api.get(LONG_PREFIX + OBJECTS + "/" + key).header("ETag"));

            harness.clock.advance(Duration.ofMinutes(1));
            Reply patched = api.patch(OBJECTS + "/" + key, "{'status':'inactive'}");
            assertEquals(200, patched.status(), patched.body());
            assertEquals("\"1.2\"", patched.header("ETag"), "a PATCH answers the new tag");
            Reply second = api.get(OBJECTS + "/" + key);
            assertEquals("\"1.2\"", second.header("ETag"));
            assertNotEquals(first.body(), second.body());

            assertEquals("\"1.2\"", api.patch(OBJECTS + "/" + key, "{'status':'inactive','id':'Reseller'}")
                    .header("ETag"), "a PATCH that changes nothing keeps the tag, as it keeps the answer");
            assertEquals(second.body(), api.get(OBJECTS + "/" + key).body());
        });
    }

    @Test
    void changesAroundATypeThatLeaveItsAnswerAloneLeaveItsTagAlone() {
        harness.run(api -> {
            String parent = api.create("{'id':'Parent'}");
            String other = api.create("{'id':'Other'}");
            Reply before = api.get(OBJECTS + "/" + parent);
            String child = api.createUnder("Child", parent);
            assertEquals(200, api.patch(OBJECTS + "/" + child, "{'parent':{'key':'" + other + "'}}").status());
            assertEquals(204, api.delete(OBJECTS + "/" + child).status());
            Reply after = api.get(OBJECTS + "/" + parent);
            assertEquals(before.body(), after.body());
            assertEquals(before.header("ETag"), after.header("ETag"));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"1.2\"", "\"9.9\", \"1.2\"", "W/\"1.2\"", "*", " \"1.1\" ,\"1.2\""})
    void ifNoneMatchNamingTheCurrentTagIs304WithoutABody(String ifNoneMatch) {
        harness.run(api -> {
            api.create("{'id':'Reseller'}");
            api.patch(OBJECTS + "/1", "{'status':'inactive'}");
            Reply reply = withHeader(api, "GET", OBJECTS + "/1", null, "If-None-Match", ifNoneMatch);
            assertEquals(304, reply.status(), reply.body());
            assertEquals("", reply.body());
            assertEquals("\"1.2\"", reply.header("ETag"));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"1.1\"", "\"2.2\"", "1.2", "\"1.2", "W/", ""})
    void ifNoneMatchNamingAnotherTagOrNothingReadableIsAnsweredInFull(String ifNoneMatch) {
        harness.run(api -> {
            api.create("{'id':'Reseller'}");
            api.create("{'id':'Other'}");
            api.patch(OBJECTS + "/1", "{'status':'inactive'}");
            api.patch(OBJECTS + "/2", "{'status':'inactive'}");
            Reply reply = withHeader(api, "GET", OBJECTS + "/1", null, "If-None-Match", ifNoneMatch);
            assertEquals(200, reply.status());
            assertEquals("Reseller", reply.json().get("ia::result").get("id").asText());
            assertEquals("\"1.2\"", reply.header("ETag"));
        });
    }

    @Test
    void aPatchOnATagThatIsNoLongerCurrentIs412AndChangesNothing() {
        harness.run(api -> {
            api.create("{'id':'Reseller'}");
            String read = api.get(OBJECTS + "/1").header("ETag");
            Reply first = withHeader(api, "PATCH", OBJECTS + "/1", "{'status':'inactive'}", "If-Match", read);
            assertEquals(200, first.status(), first.body());
            Reply before = api.get(OBJECTS + "/1");

            Reply second = withHeader(api, "PATCH", OBJECTS + "/1", "{'status':'active'}", "If-Match", read);
            JsonNode error = assertError(second, 412, "preconditionFailed", "CC-1412");
            assertEquals("Customer type 1 has changed since it was read: If-Match does not name its current ETag \"1.2\"",
                    error.get("message").asText());
            assertEquals("CC.PRECONDITION_FAILED", error.get("additionalInfo").get("messageId").asText());
            JsonNode placeholders = error.get("additionalInfo").get("placeholders");
            assertEquals("1", placeholders.get("KEY").asText());
            assertEquals("\"1.2\"", placeholders.get("ETAG").asText());
            assertEquals(before.body(), api.get(OBJECTS + "/1").body(), "nothing changed");
            assertEquals(before.header("ETag"), api.get(OBJECTS + "/1").header("ETag"));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"W/\"1.2\"", "\"2.2\"", "\"1.1\", \"1.3\"", "1.2", "\"1.2", "*x", ""})
    void ifMatchMustNameTheCurrentTagStrongly(String ifMatch) {
        harness.run(api -> {
            api.create("{'id':'Reseller'}");
            api.create("{'id':'Other'}");
            api.patch(OBJECTS + "/1", "{'status':'inactive'}");
            api.patch(OBJECTS + "/2", "{'status':'inactive'}");
            assertError(withHeader(api, "PATCH", OBJECTS + "/1", "{'status':'active'}", "If-Match", ifMatch), 412,
                    "preconditionFailed", "CC-1412");
            assertError(withHeader(api, "DELETE", OBJECTS + "/1", null, "If-Match", ifMatch), 412,
                    "preconditionFailed", "CC-1412");
            assertEquals("inactive", api.get(OBJECTS + "/1").json().get("ia::result").get("status").asText());
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"1.2\"", "\"1.1\", \"1.2\"", "*"})
    void ifMatchNamingTheCurrentTagOrAnyLetsTheChangeThrough(String ifMatch) {
        harness.run(api -> {
            api.create("{'id':'Reseller'}");
            api.patch(OBJECTS + "/1", "{'status':'inactive'}");
            Reply patched = withHeader(api, "PATCH", OBJECTS + "/1", "{'status':'active'}", "If-Match", ifMatch);
            assertEquals(200, patched.status(), patched.body());
            assertEquals("\"1.3\"", patched.header("ETag"));
            assertEquals(204, withHeader(api, "DELETE", OBJECTS + "/1", null, "If-Match",
                    ifMatch.equals("*") ? "*" : "\"1.3\"").status());
            assertError(api.get(OBJECTS + "/1"), 404, "notFound", "CC-1404");
        });
    }

    @Test
    void aDeleteOnATagThatIsNoLongerCurrentIs412AndDeletesNothing() {
        harness.run(api -> {
            api.create("{'id':'Reseller'}");
            api.patch(OBJECTS + "/1", "{'status':'inactive'}");
            assertError(withHeader(api, "DELETE", OBJECTS + "/1", null, "If-Match", "\"1.1\""), 412,
                    "preconditionFailed", "CC-1412");
            assertEquals(200, api.get(OBJECTS + "/1").status(), "still there");
        });
    }

    @Test
    void anUnknownTypeIs404AndABodyProblemComesAfterThePrecondition() {
        harness.run(api -> {
            api.create("{'id':'Reseller'}");
            assertError(withHeader(api, "PATCH", OBJECTS + "/9", "{'status':'inactive'}", "If-Match", "\"9.1\""), 404,
                    "notFound", "CC-1404");
            assertError(withHeader(api, "DELETE", OBJECTS + "/9", null, "If-Match", "*"), 404, "notFound", "CC-1404");
            assertError(withHeader(api, "PATCH", OBJECTS + "/1", "{'status':'maybe','foo':1}", "If-Match", "\"1.7\""),
                    412, "preconditionFailed", "CC-1412");
            Reply bad = withHeader(api, "PATCH", OBJECTS + "/1", "{'status':'maybe'}", "If-Match", "\"1.1\"");
            assertError(bad, 400, "invalidRequest", "REST-1064");
            assertTrue(bad.header("ETag") == null, "a refused PATCH answers no tag");
        });
    }
}
