package io.customerclassification.adapter.http.intacct;

import static io.customerclassification.adapter.http.intacct.IntacctHarness.OBJECTS;
import static io.customerclassification.adapter.http.intacct.IntacctHarness.QUERY;
import static io.customerclassification.adapter.http.intacct.IntacctHarness.assertError;
import static io.customerclassification.adapter.http.intacct.IntacctHarness.column;
import static io.customerclassification.adapter.http.intacct.IntacctHarness.json;
import static io.customerclassification.adapter.http.intacct.IntacctHarness.targets;
import static io.customerclassification.adapter.http.intacct.IntacctHarness.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.customerclassification.adapter.http.ApiClient.Reply;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CONTRACT §2 payload errors: 400 REST-1028 without a body, REST-1064 with one {@code details} entry per
 * problem (REST-1043 for an unknown field), and nothing written by a refused request.
 */
class IntacctPayloadErrorsTest {

    private final IntacctHarness harness = new IntacctHarness();

    private static List<String> errorIds(JsonNode error) {
        List<String> ids = new ArrayList<>();
        error.path("details").forEach(detail -> ids.add(detail.get("errorId").asText()));
        return ids;
    }

    private static List<String> split(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).map(s -> s.equals("null") ? null : s).toList();
    }

    @Test
    void aPostWithoutABodyReproducesTheVendorError() {
        harness.run(api -> {
            Reply reply = api.send("POST", OBJECTS, null, null);
            assertError(reply, 400, "invalidRequest", "REST-1028");
            ObjectNode body = (ObjectNode) reply.json();
            String supportId = body.get("ia::result").get("ia::error").get("supportId").asText();
            assertTrue(supportId.matches("[0-9a-f]{32}"), supportId);
            ((ObjectNode) body.get("ia::result").get("ia::error")).put("supportId", "any");
            assertEquals(tree("""
                    {'ia::result':{'ia::error':{'code':'invalidRequest','message':'A POST request requires a payload',
                       'errorId':'REST-1028','additionalInfo':{'messageId':'IA.REQUEST_REQUIRES_A_PAYLOAD',
                       'placeholders':{'OPERATION':'POST'},'propertySet':{}},'supportId':'any'}},
                     'ia::meta':{'totalCount':1,'totalSuccess':0,'totalError':1}}"""), body);
        });
    }

    @Test
    void aPatchOrQueryWithoutABodyOrWithABlankOneIsRest1028() {
        harness.run(api -> {
            String key = api.create("{'id':'Gold'}");
            JsonNode patch = assertError(api.send("PATCH", OBJECTS + "/" + key, null, null), 400, "invalidRequest",
                    "REST-1028");
            assertEquals("A PATCH request requires a payload", patch.get("message").asText());
            assertEquals(tree("{'OPERATION':'PATCH'}"), patch.get("additionalInfo").get("placeholders"));
            assertError(api.send("PATCH", OBJECTS + "/" + key, "  \n", "application/json"), 400, "invalidRequest",
                    "REST-1028");
            JsonNode query = assertError(api.send("POST", QUERY, "", "application/json"), 400, "invalidRequest",
                    "REST-1028");
            assertEquals("A POST request requires a payload", query.get("message").asText());
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`not json`                                 | null         | CC-1003",
        "`{'id':'A'} {}`                            | null         | CC-1003",
        "`{'id':'A','id':'B'}`                      | null         | CC-1003",
        "`[1,2]`                                    | ``           | CC-1001",
        "`'Gold'`                                   | ``           | CC-1001",
        "`null`                                     | ``           | CC-1001",
        "`{}`                                       | /id          | CC-1002",
        "`{'status':'active'}`                      | /id          | CC-1002",
        "`{'id':5}`                                 | /id          | CC-1001",
        "`{'id':null}`                              | /id          | CC-1001",
        "`{'id':''}`                                | /id          | CC-1001",
        "`{'id':' Gold'}`                           | /id          | CC-1001",
        "`{'id':'a\\u0007b'}`                       | /id          | CC-1001",
        "`{'id':'\\ud800'}`                         | /id          | CC-1001",
        "`{'id':'A','status':'Active'}`             | /status      | CC-1001",
        "`{'id':'A','status':true}`                 | /status      | CC-1001",
        "`{'id':'A','status':null}`                 | /status      | CC-1001",
        "`{'id':'A','parent':'B'}`                  | /parent      | CC-1001",
        "`{'id':'A','parent':[]}`                   | /parent      | CC-1001",
        "`{'id':'A','parent':{'key':'x'}}`          | /parent/key  | CC-1001",
        "`{'id':'A','parent':{'key':'0'}}`          | /parent/key  | CC-1001",
        "`{'id':'A','parent':{'key':1.5}}`          | /parent/key  | CC-1001",
        "`{'id':'A','parent':{'key':true}}`         | /parent/key  | CC-1001",
        "`{'id':'A','parent':{'id':7}}`             | /parent/id   | CC-1001",
        "`{'id':'A','parent':{'id':''}}`            | /parent/id   | CC-1001",
        "`{'id':'A','parent':{'name':'B'}}`         | /parent/name | REST-1043",
        "`{'id':'A','foo':1}`                       | /foo         | REST-1043",
        "`{'id':'A','key':'9'}`                     | /key         | REST-1043",
    })
    void aBadCreateBodyIsRest1064WithADetailPerProblem(String body, String target, String detailErrorId) {
        harness.run(api -> {
            Reply reply = api.send("POST", OBJECTS, json(body), "application/json");
            JsonNode error = assertError(reply, 400, "invalidRequest", "REST-1064");
            assertEquals("Payload contains errors", error.get("message").asText());
            assertEquals("IA.PAYLOAD_CONTAINS_ERRORS", error.get("additionalInfo").get("messageId").asText());
            assertEquals(split(target == null ? "null" : target), targets(error), reply.body());
            assertEquals(List.of(detailErrorId), errorIds(error), reply.body());
            assertEquals(List.of(), column(api.get(OBJECTS), "id"), "nothing was written");
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{'id':'A','foo':1}                 | /foo is not a valid field",
        "{'id':'A','parent':{'foo':1}}      | /parent/foo is not a valid field",
        "{}                                 | /id is required",
        "{'id':5}                           | id must be a string",
        "{'id':''}                          | id must not be empty",
        "{'id':' A'}                        | id must not start or end with whitespace",
        "{'id':'A','status':'Active'}       | status must be 'active' or 'inactive', got \"Active\"",
        "{'id':'A','parent':{'key':'x'}}    | parent.key must be a key from 1 to 999999999999999999 (a string of digits), got \"x\"",
        "{'id':'A','parent':{'key':'9999999999999999999'}} | parent.key must be a key from 1 to 999999999999999999 (a string of digits), got \"9999999999999999999\"",
        "{'id':'A','parent':{'id':' B'}}    | parent.id must not start or end with whitespace",
        "{'id':'A','parent':5}              | parent must be an object {\"key\"?, \"id\"?} or null",
    })
    void detailMessagesSayWhatIsWrong(String body, String message) {
        harness.run(api -> {
            JsonNode error = assertError(api.post(OBJECTS, body), 400, "invalidRequest", "REST-1064");
            assertEquals(message, error.get("details").get(0).get("message").asText());
        });
    }

    @Test
    void anIdLongerThan255CharactersIsRefusedAnd255IsAccepted() {
        harness.run(api -> {
            JsonNode error = assertError(api.post(OBJECTS, "{'id':'" + "x".repeat(256) + "'}"), 400, "invalidRequest",
                    "REST-1064");
            assertEquals("id must be at most 255 characters", error.get("details").get(0).get("message").asText());
            assertEquals(201, api.post(OBJECTS, "{'id':'" + "x".repeat(255) + "'}").status());
        });
    }

    @Test
    void everyProblemOfOneBodyIsReportedTogetherInOrder() {
        harness.run(api -> {
            Reply reply = api.post(OBJECTS,
                    "{'key':'9','id':7,'status':'gone','parent':{'key':'x','foo':1},'bar':null}");
            JsonNode error = assertError(reply, 400, "invalidRequest", "REST-1064");
            assertEquals(List.of("/key", "/id", "/status", "/parent/key", "/parent/foo", "/bar"), targets(error));
            assertEquals(List.of("REST-1043", "CC-1001", "CC-1001", "CC-1001", "REST-1043", "REST-1043"),
                    errorIds(error));
            error.get("details").forEach(detail -> assertEquals("invalidRequest", detail.get("code").asText()));
        });
    }

    @Test
    void aBadPatchBodyIsRest1064AndChangesNothing() {
        harness.run(api -> {
            String key = api.create("{'id':'Gold'}");
            JsonNode several = assertError(api.patch(OBJECTS + "/" + key, "{'id':'Silver','status':'off','foo':1}"),
                    400, "invalidRequest", "REST-1064");
            assertEquals(List.of("/id", "/status", "/foo"), targets(several));
            assertEquals(List.of("CC-1004", "CC-1001", "REST-1043"), errorIds(several));
            assertEquals("id cannot be changed: it is 'Gold'", several.get("details").get(0).get("message").asText());
            assertError(api.patch(OBJECTS + "/" + key, "{'parent':{'key':'abc'}}"), 400, "invalidRequest", "REST-1064");
            assertError(api.patch(OBJECTS + "/" + key, "[]"), 400, "invalidRequest", "REST-1064");
            assertError(api.patch(OBJECTS + "/" + key, "{'status':"), 400, "invalidRequest", "REST-1064");
            JsonNode type = api.get(OBJECTS + "/" + key).json().get("ia::result");
            assertEquals("active", type.get("status").asText());
            assertEquals("Gold", type.get("id").asText());
        });
    }

    @Test
    void aPatchOfAnUnknownTypeIs404BeforeItsBodyIsRead() {
        harness.run(api -> assertError(api.patch(OBJECTS + "/9", "{'foo':1}"), 404, "notFound", "CC-1404"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{'id':'A','parent':{'key':99999999999999999999}}",
        "{'id':'A','parent':{'key':'-1'}}",
        "{'id':1e400}",
        "{'id':'A','status':{'$gt':1}}",
        "{'id':[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}",
        "{'id':'A'}]",
    })
    void oddBodiesAreRefusedWith400NeverWith500(String body) {
        harness.run(api -> {
            Reply reply = api.post(OBJECTS, body);
            assertEquals(400, reply.status(), reply.body());
            assertError(reply, 400, "invalidRequest", "REST-1064");
        });
    }

    @Test
    void jsonNestedDeeperThanTheParserAllowsIs400() {
        harness.run(api -> {
            Reply reply = api.post(OBJECTS, "{'id':" + "[".repeat(100_000) + "]".repeat(100_000) + "}");
            JsonNode error = assertError(reply, 400, "invalidRequest", "REST-1064");
            assertEquals(List.of("CC-1003"), errorIds(error));
            assertEquals("The payload is not valid JSON: objects and arrays nest deeper than 1000 levels at line 1,"
                    + " column 1006", error.get("details").get(0).get("message").asText(), "no parser internals");
        });
    }

    @Test
    void invalidJsonIsExplainedInPlainWordsWithLineAndColumn() {
        harness.run(api -> {
            JsonNode error = assertError(api.send("POST", OBJECTS, "{\"id\": tru}", "application/json"), 400,
                    "invalidRequest", "REST-1064");
            assertEquals("The payload is not valid JSON: the word 'tru' at line 1, column 8 is unknown: a value was"
                    + " expected (a string in double quotes, a number, an object, an array, true, false or null)",
                    error.get("details").get(0).get("message").asText());
            JsonNode truncated = assertError(api.post(OBJECTS, "{'id': 'A'"), 400, "invalidRequest", "REST-1064");
            assertEquals("The payload is not valid JSON: it ends before the object that starts at line 1, column 1 is"
                    + " closed", truncated.get("details").get(0).get("message").asText());
            JsonNode query = assertError(api.query("{'object': 'accounts-receivable/customer-type',\n 'filters': [}"),
                    400, "invalidRequest", "REST-1064");
            assertEquals("The payload is not valid JSON: '}' at line 2, column 14 is unexpected: the array that starts"
                    + " at line 2, column 13 is closed with ]", query.get("details").get(0).get("message").asText());
        });
    }

    /** JSON text is UTF-8 (RFC 8259 §8.1): bytes that are no character are refused, never stored as U+FFFD. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ff fe       | byte 0xFF at line 1, column 8 is no UTF-8 character",
        "c0 80       | byte 0xC0 at line 1, column 8 is no UTF-8 character",
        "ed a0 80    | bytes 0xED 0xA0 0x80 at line 1, column 8 are no UTF-8 character",
        "e2 82 22 7d | bytes 0xE2 0x82 at line 1, column 8 are no UTF-8 character",
    })
    void bytesThatAreNoUtf8CharacterAreRefusedAndNothingIsStored(String hex, String reason) {
        byte[] invalid = java.util.HexFormat.ofDelimiter(" ").parseHex(hex);
        harness.run(api -> {
            String key = api.create("{'id':'Kept'}");
            for (String[] call : List.of(new String[] {"POST", OBJECTS, "{\"id\":\""},
                    new String[] {"PATCH", OBJECTS + "/" + key, "{\"status\":\""},
                    new String[] {"POST", QUERY, "{\"object\":\""})) {
                byte[] prefix = call[2].getBytes(java.nio.charset.StandardCharsets.UTF_8);
                byte[] body = Arrays.copyOf(prefix, prefix.length + invalid.length + 2);
                System.arraycopy(invalid, 0, body, prefix.length, invalid.length);
                body[body.length - 2] = '"';
                body[body.length - 1] = '}';
                JsonNode error = assertError(api.sendBytes(call[0], call[1], body), 400, "invalidRequest", "REST-1064");
                assertEquals(List.of("CC-1005"), errorIds(error), call[0] + " " + call[1]);
                String where = reason.replace("column 8", "column " + (call[2].length() + 1));
                assertEquals("The payload is not valid UTF-8: " + where, error.get("details").get(0).get("message")
                        .asText(), call[0] + " " + call[1]);
            }
            Reply list = api.get(OBJECTS);
            assertEquals(1, list.json().at("/ia::meta/totalCount").asInt(), "nothing was created: " + list.body());
            JsonNode kept = api.get(OBJECTS + "/" + key).json().get("ia::result");
            assertEquals("active", kept.get("status").asText());
            assertEquals(kept.at("/audit/createdDateTime"), kept.at("/audit/modifiedDateTime"), "nothing was changed");
        });
    }
}
