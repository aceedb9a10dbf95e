package io.customerclassification.bootstrap.e2e;

import static io.customerclassification.bootstrap.e2e.IdentityServer.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.adapter.http.HttpApi;
import io.customerclassification.bootstrap.e2e.Http.Reply;
import io.customerclassification.domain.identity.FailedAuthentications;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Credentials pushed to and past their limits: bearer tokens as long as the request head allows and longer, token
 * requests with as many parameters and as large a body as are read and one more, and a burst of wrong secrets for one
 * client id sent all at once. Each is answered in the format of the endpoint it was sent to, never 5xx, and changes
 * nothing but the failure counter the burst is meant to move.
 */
class TokenHostileInputTest {

    private static final String PROFILES = "/api/v1.0/companies/0/setup/customerProfiles/";
    private static final String TYPES = "/objects/accounts-receivable/customer-type";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final int MAX_PARAMETERS = 32;
    private static final String READ = "[{\"company\": 0, \"resource\": \"customer-profile\", \"permissions\":"
            + " [\"list\", \"view\"]}]";

    private static IdentityServer server;
    private static Http http;
    private static String secret;

    @BeforeAll
    static void start() {
        server = IdentityServer.start();
        http = server.http();
        secret = server.createClient("reader", READ);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aBearerTokenAsLongAsTheHeadAllowsIsInvalidAndALongerOneIs431InTheDialectsFormat() {
        String before = server.storeContents();
        String longest = "eyJ" + "A".repeat(7_000) + ".eyJ" + "B".repeat(500) + "." + "C".repeat(86);
        Reply simpro = http.get(PROFILES, bearer(longest));
        assertEquals(401, simpro.status(), simpro::toString);
        assertTrue(simpro.header("WWW-Authenticate").contains("error=\"invalid_token\""), simpro::toString);
        assertTrue(simpro.body().startsWith("{\"errors\":[{"), simpro::toString);
        Reply intacct = http.post(TYPES, "{\"id\": \"Intruder\"}", bearer(longest));
        assertEquals(401, intacct.status(), intacct::toString);
        assertTrue(intacct.body().contains("\"ia::error\""), intacct::toString);

        String tooLong = "eyJ" + "A".repeat(9_000) + ".eyJ.sig";
        Reply refused = http.get(PROFILES, bearer(tooLong));
        assertEquals(431, refused.status(), refused::toString);
        assertEquals("{\"errors\":[{\"path\":null,\"message\":\"The request headers are too large.\",\"value\":null}]}",
                refused.body());
        Reply refusedIntacct = http.post(TYPES, "{\"id\": \"Intruder\"}", bearer(tooLong));
        assertEquals(431, refusedIntacct.status(), refusedIntacct::toString);
        assertTrue(refusedIntacct.body().contains("\"ia::error\""), refusedIntacct::toString);
        assertEquals(before, server.storeContents(), "nothing was changed");
    }

    @Test
    void aTokenRequestWithAsManyParametersAsAreReadIsServedAndOneMoreIsInvalidRequest() {
        StringBuilder at = new StringBuilder("grant_type=client_credentials");
        for (int extra = 1; extra < MAX_PARAMETERS; extra++) {
            at.append("&extension_").append(extra).append("=x");
        }
        Reply served = post("/oauth2/token", at.toString());
        assertEquals(200, served.status(), served::toString);

        String before = server.storeContents();
        Reply refused = post("/oauth2/token", at + "&one_more=x");
        assertOAuthError(refused, 400, "invalid_request");
        StringBuilder json = new StringBuilder("{\"grant_type\": \"client_credentials\"");
        for (int extra = 1; extra <= MAX_PARAMETERS; extra++) {
            json.append(", \"extension_").append(extra).append("\": \"x\"");
        }
        Reply refusedJson = http.exchange("POST", "/oauth2/token", BodyPublishers.ofString(json + "}"),
                Map.of("Authorization", "Basic " + IdentityServer.basic("reader", secret),
                        "Content-Type", "application/json"));
        assertOAuthError(refusedJson, 400, "invalid_request");
        assertEquals(before, server.storeContents(), "no token was issued, no failure counted");
    }

    @Test
    void aTokenRequestBodyOfOneMebibyteIsReadAndOneByteMoreIs413() {
        String head = "grant_type=client_credentials&padding=";
        String at = head + "p".repeat((int) HttpApi.MAX_REQUEST_BYTES - head.length());
        Reply served = post("/oauth2/token", at);
        assertEquals(200, served.status(), served::toString);

        String before = server.storeContents();
        Reply refused = post("/oauth2/token", at + "p");
        assertEquals(413, refused.status(), refused::toString);
        assertEquals("invalid_request", refused.json().get("error").asText(), refused::toString);
        Reply refusedRevoke = post("/oauth2/revoke", "token=" + "t".repeat((int) HttpApi.MAX_REQUEST_BYTES));
        assertEquals(413, refusedRevoke.status(), refusedRevoke::toString);
        assertEquals("invalid_request", refusedRevoke.json().get("error").asText(), refusedRevoke::toString);
        assertEquals(before, server.storeContents(), "nothing was changed");
    }

    @Test
    void aBurstOfWrongSecretsIsThrottledWithRetryAfterAndTheRightSecretWaitsToo() throws Exception {
        server.createClient("burst-target", READ);
        int burst = 3 * FailedAuthentications.MAX_FAILURES;
        ExecutorService senders = Executors.newFixedThreadPool(burst);
        try {
            List<CompletableFuture<Reply>> replies = new ArrayList<>();
            for (int attempt = 0; attempt < burst; attempt++) {
                String wrong = "wrong-" + attempt;
                replies.add(CompletableFuture.supplyAsync(() -> http.exchange("POST", "/oauth2/token",
                        BodyPublishers.ofString("grant_type=client_credentials"),
                        IdentityServer.form("burst-target", wrong)), senders));
            }
            int throttled = 0;
            for (CompletableFuture<Reply> future : replies) {
                Reply reply = future.get();
                if (reply.status() == 429) {
                    assertThrottled(reply);
                    throttled++;
                } else {
                    assertOAuthError(reply, 401, "invalid_client");
                }
            }
            assertTrue(throttled > 0, "a burst of " + burst + " wrong secrets was throttled");
        } finally {
            senders.shutdownNow();
        }
        assertThrottled(http.exchange("POST", "/oauth2/token", BodyPublishers.ofString(
                "grant_type=client_credentials&client_id=burst-target&client_secret=x"), Map.of("Content-Type", FORM)));
        Reply reader = http.exchange("POST", "/oauth2/token", BodyPublishers.ofString("grant_type=client_credentials"),
                IdentityServer.form("reader", secret));
        assertEquals(200, reader.status(), "another client id is not throttled: " + reader);
    }

    private static void assertThrottled(Reply reply) {
        assertOAuthError(reply, 429, "temporarily_unavailable");
        int retryAfter = Integer.parseInt(reply.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= FailedAuthentications.WINDOW.toSeconds(), "Retry-After "
                + retryAfter);
    }

    private static void assertOAuthError(Reply reply, int status, String error) {
        assertEquals(status, reply.status(), reply::toString);
        assertEquals(error, reply.json().get("error").asText(), reply::toString);
        assertEquals("no-store", reply.header("Cache-Control"), reply::toString);
    }

    /** A form body to {@code path}, the client authenticating with HTTP Basic. */
    private static Reply post(String path, String body) {
        return http.exchange("POST", path, BodyPublishers.ofString(body), IdentityServer.form("reader", secret));
    }
}
