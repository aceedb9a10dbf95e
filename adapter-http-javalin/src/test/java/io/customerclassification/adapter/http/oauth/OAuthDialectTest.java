package io.customerclassification.adapter.http.oauth;

import static io.customerclassification.adapter.http.IdentityHarness.basic;
import static io.customerclassification.adapter.http.IdentityHarness.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.adapter.http.ApiClient;
import io.customerclassification.adapter.http.ApiClient.Reply;
import io.customerclassification.adapter.http.IdentityHarness;
import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.port.in.identity.ClientQuery;
import io.customerclassification.application.port.in.identity.ClientWithSecret;
import io.customerclassification.domain.identity.InvalidTokenException;
import io.customerclassification.domain.shared.CompanyId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OAuthDialectTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    private final IdentityHarness harness = new IdentityHarness();
    private final ClientWithSecret reporting = harness.client("reporting", false, List.of());
    private final String id = reporting.client().id().value();
    private final String secret = reporting.secret();

    private static Reply post(ApiClient http, String path, String body, Map<String, String> headers) {
        return http.send("POST", path, body, FORM, headers);
    }

    private Reply clientCredentials(ApiClient http, String path, String... extra) {
        String[] fields = new String[6 + extra.length];
        System.arraycopy(new String[] {"grant_type", "client_credentials", "client_id", id, "client_secret", secret},
                0, fields, 0, 6);
        System.arraycopy(extra, 0, fields, 6, extra.length);
        return post(http, path, form(fields), Map.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/oauth2/token", "/ia/api/v1/oauth2/token"})
    void clientCredentialsInTheFormGiveABearerTokenThatIsNotCached(String path) {
        harness.run(http -> {
            Reply reply = clientCredentials(http, path);
            assertEquals(200, reply.status(), reply.body());
            assertEquals("no-store", reply.header("Cache-Control"));
            assertEquals("no-cache", reply.header("Pragma"));
            assertEquals("Bearer", reply.json().get("token_type").asText());
            assertEquals(3600, reply.json().get("expires_in").asInt());
            Caller caller = harness.identity.authentication().authenticate(reply.json().get("access_token").asText());
            assertEquals(reporting.client().id(), caller.clientId());
            assertTrue(reply.json().get("refresh_token").asText().startsWith("ccr_"));
        });
    }

    @Test
    void theClientMayAuthenticateByHttpBasicOrInAJsonBody() {
        harness.run(http -> {
            assertEquals(200, post(http, "/oauth2/token", "grant_type=client_credentials", basic(id, secret)).status());
            Reply json = http.post("/oauth2/token", "{\"grant_type\":\"client_credentials\",\"client_id\":\"" + id
                    + "\",\"client_secret\":\"" + secret + "\"}");
            assertEquals(200, json.status(), json.body());
        });
    }

    @Test
    void theUsernameNamesTheUserAndLimitsTheTokenToItsCompany() {
        harness.run(http -> {
            Caller limited = caller(clientCredentials(http, "/ia/api/v1/oauth2/token", "username", "alice%40example.com%407"));
            assertEquals("alice@example.com", limited.user());
            assertEquals(CompanyId.of(7), limited.companyLimit());
            Caller plain = caller(clientCredentials(http, "/oauth2/token", "username", "bob"));
            assertEquals("bob", plain.user());
            assertNull(plain.companyLimit());
            for (String bad : List.of("bob%40acme", "%407", "bob%40-1", "bob%40")) {
                assertOAuthError(clientCredentials(http, "/oauth2/token", "username", bad), 400, "invalid_request");
            }
            assertOAuthError(clientCredentials(http, "/oauth2/token", "username", "a%0Ab"), 400, "invalid_request");
        });
    }

    @Test
    void badRequestsGetRfc6749Errors() {
        harness.run(http -> {
            assertOAuthError(post(http, "/oauth2/token", form("client_id", id, "client_secret", secret), Map.of()),
                    400, "invalid_request");
            assertOAuthError(post(http, "/oauth2/token", form("grant_type", "password", "client_id", id,
                    "client_secret", secret), Map.of()), 400, "unsupported_grant_type");
            assertOAuthError(post(http, "/oauth2/token", form("grant_type", "client_credentials", "grant_type",
                    "client_credentials", "client_id", id, "client_secret", secret), Map.of()), 400, "invalid_request");
            assertOAuthError(post(http, "/oauth2/token", form("grant_type", "client_credentials", "client_id", id,
                    "client_secret", secret), basic(id, secret)), 400, "invalid_request");
            assertOAuthError(http.send("POST", "/oauth2/token", "grant_type=client_credentials", "text/plain", Map.of()),
                    400, "invalid_request");
            assertOAuthError(http.post("/oauth2/token", "{\"grant_type\": 1}"), 400, "invalid_request");
            assertOAuthError(http.post("/oauth2/token", "[1"), 400, "invalid_request");
            assertOAuthError(post(http, "/oauth2/token", form("grant_type", "refresh_token", "client_id", id,
                    "client_secret", secret), Map.of()), 400, "invalid_request");
            assertOAuthError(post(http, "/oauth2/token", "grant_type=%zz", Map.of()), 400, "invalid_request");
        });
    }

    @Test
    void aWrongSecretIsInvalidClientAndNamesBasicWhenBasicWasUsed() {
        harness.run(http -> {
            Reply body = post(http, "/oauth2/token", form("grant_type", "client_credentials", "client_id", id,
                    "client_secret", "wrong"), Map.of());
            assertOAuthError(body, 401, "invalid_client");
            assertNull(body.header("WWW-Authenticate"));
            Reply basic = post(http, "/oauth2/token", "grant_type=client_credentials", basic(id, "wrong"));
            assertOAuthError(basic, 401, "invalid_client");
            assertTrue(basic.header("WWW-Authenticate").startsWith("Basic "));
            assertOAuthError(post(http, "/oauth2/token", "grant_type=client_credentials",
                    Map.of("Authorization", "Basic !!!")), 401, "invalid_client");
            assertFalse(body.body().contains("wrong"));
        });
    }

    @Test
    void theEleventhAttemptWithinAMinuteIsThrottledForThatClientIdOnly() {
        ClientWithSecret other = harness.client("other", false, List.of());
        harness.run(http -> {
            for (int i = 0; i < 10; i++) {
                assertOAuthError(post(http, "/oauth2/token", "grant_type=client_credentials", basic(id, "wrong" + i)),
                        401, "invalid_client");
            }
            Reply throttled = clientCredentials(http, "/oauth2/token");
            assertOAuthError(throttled, 429, "temporarily_unavailable");
            int retryAfter = Integer.parseInt(throttled.header("Retry-After"));
            assertTrue(retryAfter >= 1 && retryAfter <= 60, throttled.header("Retry-After"));
            assertEquals(200, post(http, "/oauth2/token", "grant_type=client_credentials",
                    basic("other", other.secret())).status());
            harness.clock.advance(java.time.Duration.ofSeconds(61));
            assertEquals(200, clientCredentials(http, "/oauth2/token").status());
        });
    }

    @Test
    void aRefreshRotatesAndAReuseIsInvalidGrant() {
        harness.run(http -> {
            String first = clientCredentials(http, "/oauth2/token").json().get("refresh_token").asText();
            Reply refreshed = post(http, "/oauth2/token", form("grant_type", "refresh_token", "refresh_token", first),
                    basic(id, secret));
            assertEquals(200, refreshed.status(), refreshed.body());
            String second = refreshed.json().get("refresh_token").asText();
            assertNotEquals(first, second);
            assertOAuthError(post(http, "/oauth2/token", form("grant_type", "refresh_token", "refresh_token", first),
                    basic(id, secret)), 400, "invalid_grant");
            assertOAuthError(post(http, "/oauth2/token", form("grant_type", "refresh_token", "refresh_token", second),
                    basic(id, secret)), 400, "invalid_grant");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"/oauth2/revoke", "/ia/api/v1/oauth2/revoke"})
    void revocationEndsATokenAndIgnoresUnknownOnes(String path) {
        harness.run(http -> {
            String access = clientCredentials(http, "/oauth2/token").json().get("access_token").asText();
            Reply revoked = post(http, path, form("token", access), basic(id, secret));
            assertEquals(200, revoked.status(), revoked.body());
            assertEquals("", revoked.body());
            assertEquals("no-store", revoked.header("Cache-Control"));
            assertThrows(InvalidTokenException.class, () -> harness.identity.authentication().authenticate(access));
            assertEquals(200, post(http, path, form("token", "unknown"), basic(id, secret)).status());
            assertOAuthError(post(http, path, "", basic(id, secret)), 400, "invalid_request");
            assertOAuthError(post(http, path, form("token", access), basic(id, "wrong")), 401, "invalid_client");
            String apiKey = harness.identity.clients().createApiKey(
                    new ClientQuery(Caller.system(null), reporting.client().id())).apiKey();
            assertOAuthError(post(http, path, form("token", apiKey), basic(id, secret)), 400, "unsupported_token_type");
        });
    }

    @Test
    void thePublicKeysArePublished() {
        harness.run(http -> {
            Reply keys = http.get("/.well-known/jwks.json");
            assertEquals(200, keys.status());
            assertEquals(harness.identity.tokens().publicKeySet(), keys.body());
        });
    }

    @Test
    void otherMethodsAndPathsAreRefusedInTheDialectsFormat() {
        harness.runUnchecked(http -> {
            Reply get = http.get("/oauth2/token");
            assertOAuthError(get, 405, "invalid_request");
            assertEquals("POST", get.header("Allow"));
            assertOAuthError(http.post("/.well-known/jwks.json", "{}"), 405, "invalid_request");
            assertOAuthError(http.get("/oauth2/authorize"), 404, "invalid_request");
            assertOAuthError(http.get("/ia/api/v1/oauth2/nothing"), 404, "invalid_request");
        });
    }

    private Caller caller(Reply reply) {
        assertEquals(200, reply.status(), reply.body());
        return harness.identity.authentication().authenticate(reply.json().get("access_token").asText());
    }

    private static void assertOAuthError(Reply reply, int status, String error) {
        assertEquals(status, reply.status(), reply.body());
        assertEquals(error, reply.json().get("error").asText(), reply.body());
        assertTrue(reply.json().get("error_description").asText().length() > 0);
        assertEquals("no-store", reply.header("Cache-Control"));
        assertTrue(reply.header("Content-Type").startsWith("application/json"));
    }
}
