package io.customerclassification.adapter.http.intacct;

import static io.customerclassification.adapter.http.intacct.IntacctHarness.OBJECTS;
import static io.customerclassification.adapter.http.intacct.IntacctHarness.LONG_PREFIX;
import static io.customerclassification.adapter.http.intacct.IntacctHarness.assertError;
import static io.customerclassification.adapter.http.intacct.IntacctHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.customerclassification.adapter.http.ApiClient.Reply;
import io.customerclassification.application.port.in.idempotency.RequestInProgressException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CONTRACT §3.2 in the Intacct dialect: {@code Idempotency-Key} on POST. */
class IntacctIdempotencyTest {

    private final IntacctHarness harness = new IntacctHarness();

    private static Reply post(IntacctHarness.Client api, String path, String singleQuoted, String key) {
        return api.send("POST", path, json(singleQuoted), "application/json", Map.of("Idempotency-Key", key));
    }

    private static int total(IntacctHarness.Client api) {
        return api.get(OBJECTS).json().get("ia::meta").get("totalCount").asInt();
    }

    @Test
    void aRetryGetsTheFirstAnswerAgainAndCreatesNothing() {
        harness.run(api -> {
            Reply first = post(api, OBJECTS, "{'id':'Reseller'}", "retry-1");
            assertEquals(201, first.status(), first.body());
            assertNull(first.header("Idempotent-Replayed"));
            for (String path : new String[] {OBJECTS, OBJECTS + "/", LONG_PREFIX + OBJECTS}) {
                Reply again = post(api, path, "{'id':'Reseller'}", "retry-1");
                assertEquals(201, again.status(), again.body());
                assertEquals(first.body(), again.body());
                assertEquals("true", again.header("Idempotent-Replayed"));
            }
            assertEquals(1, total(api));
        });
    }

    @Test
    void theSameKeyForAnotherBodyOrEntityIs422AndCreatesNothing() {
        harness.run(api -> {
            harness.registerCompany(7, "Acme");
            assertEquals(201, post(api, OBJECTS, "{'id':'Reseller'}", "k").status());
            JsonNode error = assertError(post(api, OBJECTS, "{'id':'Other'}", "k"), 422, "idempotencyKeyReused",
                    "CC-1422");
            assertEquals("Idempotency-Key k was used for another request within the last 24 hours",
                    error.get("message").asText());
            assertEquals("CC.IDEMPOTENCY_KEY_REUSED", error.get("additionalInfo").get("messageId").asText());
            assertError(post(api, OBJECTS, "{ 'id':'Reseller'}", "k"), 422, "idempotencyKeyReused", "CC-1422");
            assertError(post(api.entity("7"), OBJECTS, "{'id':'Reseller'}", "k"), 422, "idempotencyKeyReused",
                    "CC-1422");
            assertEquals(1, total(api));
            assertEquals(0, total(api.entity("7")));
            assertEquals(201, post(api, OBJECTS, "{'id':'Other'}", "k2").status(), "another key is another request");
        });
    }

    @Test
    void aRefusalIsTheFirstAnswerToo() {
        harness.run(api -> {
            api.create("{'id':'Reseller'}");
            Reply first = post(api, OBJECTS, "{'id':'reseller'}", "dup");
            assertError(first, 409, "conflict", "CC-1409");
            assertEquals(204, api.delete(OBJECTS + "/1").status());
            Reply again = post(api, OBJECTS, "{'id':'reseller'}", "dup");
            assertEquals(409, again.status());
            assertEquals(first.body(), again.body(), "the first answer, support id included");
            assertEquals("true", again.header("Idempotent-Replayed"));
            assertEquals(0, total(api), "nothing was created, though the id is free now");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "two words", "tab\there"})
    void aKeyThatIsNotOneToTwoHundredFiftyFiveVisibleAsciiCharactersIs400(String key) {
        harness.run(api -> {
            JsonNode error = assertError(post(api, OBJECTS, "{'id':'Reseller'}", key), 400, "invalidRequest",
                    "CC-1006");
            assertEquals("Idempotency-Key must be one header of 1 to 255 visible ASCII characters",
                    error.get("message").asText());
            assertEquals(0, total(api));
        });
    }

    @Test
    void keysOfTwoHundredFiftyFiveCharactersAreTakenAndLongerOnesRefused() {
        harness.run(api -> {
            assertEquals(201, post(api, OBJECTS, "{'id':'Reseller'}", "~".repeat(255)).status());
            assertError(post(api, OBJECTS, "{'id':'Other'}", "~".repeat(256)), 400, "invalidRequest", "CC-1006");
            assertEquals(1, total(api));
        });
    }

    @Test
    void aRetryWhileTheRequestStillRunsIs409RequestInProgressWithRetryAfter() {
        IntacctDialect.UseCases base = harness.useCases();
        IntacctDialect.UseCases running = new IntacctDialect.UseCases(base.create(), base.get(), base.list(),
                base.update(), base.delete(), base.query(), base.aggregate(), base.lineage(), base.ancestors(),
                base.descendants(), base.export(), base.importRows(), base.getCompany(), (command, request) -> {
                    throw new RequestInProgressException(command.key());
                });
        harness.run(running, api -> {
            Reply reply = post(api, OBJECTS, "{'id':'Reseller'}", "slow");
            JsonNode error = assertError(reply, 409, "requestInProgress", "CC-1411");
            assertEquals("A request with Idempotency-Key slow is still running; retry once it has been answered",
                    error.get("message").asText());
            assertEquals("1", reply.header("Retry-After"));
            assertEquals(201, api.post(OBJECTS, "{'id':'Reseller'}").status(), "without a key, as before");
        });
    }
}
