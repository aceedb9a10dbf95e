package io.customerclassification.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.customerclassification.bootstrap.e2e.Http.Reply;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CONTRACT §3.2 and §4 together, over real HTTP with real tokens: an {@code Idempotency-Key} is its client's own. A
 * second client sending the same key (and the same body) gets an answer of its own, never the first client's; and a
 * client without {@code add} is refused before any key is looked at, leaving the store as it was.
 */
class IdempotencyPerClientTest {

    private static final String PROFILES = "/api/v1.0/companies/0/setup/customerProfiles/";
    private static final String TYPES = "/objects/accounts-receivable/customer-type";
    /** A key both clients send: each client's keys are its own, of whatever operation. */
    private static final String KEY = "shared-key-1";
    private static final String TYPE_KEY = "shared-key-types";

    private static IdentityServer server;
    private static Http http;
    private static Map<String, String> first;
    private static Map<String, String> second;
    private static Map<String, String> reader;

    @BeforeAll
    static void start() {
        server = IdentityServer.start();
        http = server.http();
        first = server.newClient("first", grants("\"list\", \"view\", \"add\""));
        second = server.newClient("second", grants("\"list\", \"view\", \"add\""));
        reader = server.newClient("reader", grants("\"list\", \"view\", \"edit\", \"delete\""));
    }

    /** The same permissions on both resources of company 0. */
    private static String grants(String permissions) {
        return "[{\"company\": 0, \"resource\": \"customer-profile\", \"permissions\": [" + permissions + "]},"
                + " {\"company\": 0, \"resource\": \"customer-type\", \"permissions\": [" + permissions + "]}]";
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Reply post(String path, String json, Map<String, String> client, String key) {
        Map<String, String> headers = new LinkedHashMap<>(client);
        headers.put("Idempotency-Key", key);
        return http.post(path, json, headers);
    }

    @Test
    void simproAnotherClientsSameKeyGetsItsOwnFreshAnswer() {
        Reply mine = post(PROFILES, "{\"Name\": \"Gold\"}", first, KEY);
        assertEquals(201, mine.status(), mine::toString);
        Reply theirs = post(PROFILES, "{\"Name\": \"Silver\"}", second, KEY);
        assertEquals(201, theirs.status(), "not 422 for a key reused with another body: " + theirs);
        assertNull(theirs.header("Idempotent-Replayed"));
        assertEquals("Silver", theirs.json().get("Name").asText());
        Reply sameBody = post(PROFILES, "{\"Name\": \"Gold\"}", second, "shared-key-2");
        Reply firstAgain = post(PROFILES, "{\"Name\": \"Gold\"}", first, "shared-key-2");
        assertEquals(422, sameBody.status(), "the name is taken: " + sameBody);
        assertEquals(422, firstAgain.status(), "a fresh run for the first client too, not the second's answer");
        assertNull(firstAgain.header("Idempotent-Replayed"));
        Reply replayed = post(PROFILES, "{\"Name\": \"Gold\"}", first, KEY);
        assertEquals("true", replayed.header("Idempotent-Replayed"));
        assertEquals(mine.json(), replayed.json(), "each client's retry gets its own first answer");
        assertEquals(theirs.json(), post(PROFILES, "{\"Name\": \"Silver\"}", second, KEY).json());
    }

    @Test
    void intacctAnotherClientsSameKeyGetsItsOwnFreshAnswer() {
        Reply mine = post(TYPES, "{\"id\": \"Reseller\"}", first, TYPE_KEY);
        assertEquals(201, mine.status(), mine::toString);
        Reply theirs = post(TYPES, "{\"id\": \"Distributor\"}", second, TYPE_KEY);
        assertEquals(201, theirs.status(), "not 422 for a key reused with another body: " + theirs);
        assertNull(theirs.header("Idempotent-Replayed"));
        assertEquals("Distributor", theirs.json().get("ia::result").get("id").asText());
        Reply sameBody = post(TYPES, "{\"id\": \"Reseller\"}", second, TYPE_KEY + "-same");
        assertEquals(409, sameBody.status(), "the name is taken, answered afresh: " + sameBody);
        assertNull(sameBody.header("Idempotent-Replayed"));
        Reply replayed = post(TYPES, "{\"id\": \"Reseller\"}", first, TYPE_KEY);
        assertEquals("true", replayed.header("Idempotent-Replayed"));
        assertEquals(mine.json(), replayed.json());
    }

    @Test
    void aClientWithoutAddIsRefusedBeforeAnyKeyIsReadInEachDialect() {
        post(PROFILES, "{\"Name\": \"Bronze\"}", first, "reader-key");
        post(TYPES, "{\"id\": \"Retail\"}", first, "reader-key");
        String before = server.storeContents();
        Reply simpro = post(PROFILES, "{\"Name\": \"Bronze\"}", reader, "reader-key");
        assertEquals(403, simpro.status(), simpro::toString);
        assertNull(simpro.json().get("errors").get(0).get("path").textValue());
        Reply intacct = post(TYPES, "{\"id\": \"Retail\"}", reader, "reader-key");
        assertEquals(403, intacct.status(), intacct::toString);
        assertEquals("forbidden", intacct.json().get("ia::result").get("ia::error").get("code").asText());
        Reply fresh = post(PROFILES, "{\"Name\": \"Copper\"}", reader, "reader-fresh-key");
        assertEquals(403, fresh.status(), fresh::toString);
        assertEquals(before, server.storeContents(), "no record, no key claimed");
    }
}
