package io.customerclassification.bootstrap.e2e;

import static io.customerclassification.bootstrap.e2e.IdentityServer.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.customerclassification.bootstrap.e2e.Http.Reply;
import io.customerclassification.domain.identity.FailedAuthentications;
import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The token service over two server instances on one store, as several instances behind a load balancer run
 * (CONTRACT §4): failed authentications are counted in the store, so throttling holds whichever instance is asked;
 * a refresh token reused on one instance revokes its family on both; a revocation, a client deletion, a secret or key
 * rotation made through one applies on the other at the next request, though each remembers the tokens it verified.
 */
class TokenEndToEndTest {

    private static final String PROFILES = "/api/v1.0/companies/0/setup/customerProfiles/";
    private static final String READ = "[{\"company\": 0, \"resource\": \"customer-profile\", \"permissions\":"
            + " [\"list\", \"view\"]}]";

    private IdentityServer one;
    private IdentityServer two;

    @BeforeEach
    void startTwoInstancesOnOneStore() throws IOException {
        Path folder = Files.createTempDirectory("token-instances");
        String store = store(folder);
        one = IdentityServer.start(folder, store);
        two = IdentityServer.start(Files.createTempDirectory("second-instance"), store);
    }

    /** The store both instances share, new for each test: an SQLite file ({@link PostgresTokenEndToEndTest}: not). */
    String store(Path folder) {
        return folder.resolve("store.db").toString();
    }

    @AfterEach
    void stop() {
        two.close();
        one.close();
    }

    @Test
    void failedAuthenticationsAreCountedInTheStoreSoThrottlingHoldsOnEveryInstance() {
        String secret = one.createClient("target", READ);
        one.createClient("bystander", READ);
        for (int attempt = 0; attempt < FailedAuthentications.MAX_FAILURES; attempt++) {
            IdentityServer instance = attempt % 2 == 0 ? one : two;
            Reply wrong = clientCredentials(instance.http(), "target", "wrong-secret-" + attempt);
            assertEquals(401, wrong.status(), wrong::toString);
            assertEquals("invalid_client", wrong.json().get("error").asText());
        }
        for (IdentityServer instance : new IdentityServer[] {one, two}) {
            Reply throttled = clientCredentials(instance.http(), "target", secret);
            assertEquals(429, throttled.status(), "even the right secret is refused while throttled: " + throttled);
            int retryAfter = Integer.parseInt(throttled.header("Retry-After"));
            assertTrue(retryAfter >= 1 && retryAfter <= FailedAuthentications.WINDOW.toSeconds(), "Retry-After "
                    + retryAfter);
            assertEquals("no-store", throttled.header("Cache-Control"));
        }
        Reply other = clientCredentials(two.http(), "bystander", "wrong");
        assertEquals(401, other.status(), "another client id is not throttled: " + other);
    }

    @Test
    void aRefreshTokenReusedOnOneInstanceRevokesTheWholeFamilyOnBoth() {
        String secret = one.createClient("refresher", READ);
        JsonNode first = clientCredentials(one.http(), "refresher", secret).json();
        JsonNode second = refresh(two.http(), "refresher", secret, first.get("refresh_token").asText());
        assertNotEquals(first.get("refresh_token").asText(), second.get("refresh_token").asText(), "rotated");
        Map<String, String> latest = bearer(second.get("access_token").asText());
        assertEquals(200, one.http().get(PROFILES, latest).status());
        assertEquals(200, two.http().get(PROFILES, latest).status());

        Reply reuse = one.http().exchange("POST", "/oauth2/token", BodyPublishers.ofString(
                "grant_type=refresh_token&refresh_token=" + first.get("refresh_token").asText()),
                IdentityServer.form("refresher", secret));
        assertEquals(400, reuse.status(), reuse::toString);
        assertEquals("invalid_grant", reuse.json().get("error").asText());

        assertEquals(401, one.http().get(PROFILES, latest).status(), "the family's access token, on the first");
        assertEquals(401, two.http().get(PROFILES, latest).status(), "the family's access token, on the second");
        Reply afterReuse = two.http().exchange("POST", "/oauth2/token", BodyPublishers.ofString(
                "grant_type=refresh_token&refresh_token=" + second.get("refresh_token").asText()),
                IdentityServer.form("refresher", secret));
        assertEquals("invalid_grant", afterReuse.json().get("error").asText(), "the family's newest refresh token");
        assertEquals(200, clientCredentials(two.http(), "refresher", secret).status(), "the client itself may go on");
    }

    @Test
    void aRevocationOnOneInstanceAppliesOnTheOtherAtOnce() {
        String secret = one.createClient("revoker", READ);
        String token = clientCredentials(one.http(), "revoker", secret).json().get("access_token").asText();
        assertEquals(200, two.http().get(PROFILES, bearer(token)).status(), "verified and remembered by the second");
        Reply revoked = one.http().exchange("POST", "/ia/api/v1/oauth2/revoke", BodyPublishers.ofString(
                "token=" + token), IdentityServer.form("revoker", secret));
        assertEquals(200, revoked.status(), revoked::toString);
        assertEquals(401, two.http().get(PROFILES, bearer(token)).status());
        assertEquals(401, one.http().get(PROFILES, bearer(token)).status());
    }

    @Test
    void aClientDeletedOrItsSecretRotatedOnOneInstanceIsRefusedOnTheOtherAtOnce() {
        Map<String, String> rotated = one.newClient("rotated", READ);
        Map<String, String> deleted = one.newClient("deleted", READ);
        assertEquals(200, two.http().get(PROFILES, rotated).status());
        assertEquals(200, two.http().get(PROFILES, deleted).status());
        Reply newSecret = one.http().post("/admin/v1/clients/rotated/secret", null, one.asAdmin());
        assertEquals(200, newSecret.status(), newSecret::toString);
        assertEquals(204, one.http().delete("/admin/v1/clients/deleted", one.asAdmin()).status());
        assertEquals(401, two.http().get(PROFILES, rotated).status(), "tokens of the old secret");
        assertEquals(401, two.http().get(PROFILES, deleted).status(), "tokens of a deleted client");
        assertEquals(200, clientCredentials(two.http(), "rotated", newSecret.json().get("clientSecret").asText())
                .status(), "the new secret, on the other instance");
    }

    @Test
    void aKeyRotatedOnOneInstanceSignsOnBothAndBothPublishIt() {
        Reply rotated = one.http().post("/admin/v1/signing-keys", null, one.asAdmin());
        assertEquals(201, rotated.status(), rotated::toString);
        String keyId = rotated.json().get("keyId").asText();
        assertTrue(two.http().get("/.well-known/jwks.json").body().contains("\"kid\":\"" + keyId + "\""));
        String fromTwo = IdentityServer.token(two.http(), IdentityServer.ADMIN, IdentityServer.ADMIN_SECRET);
        assertTrue(new String(Base64.getUrlDecoder().decode(fromTwo.substring(0, fromTwo.indexOf('.'))))
                .contains(keyId), "the second instance signs with the new key");
        assertEquals(200, one.http().get(PROFILES, bearer(fromTwo)).status());
    }

    private static Reply clientCredentials(Http http, String clientId, String secret) {
        return http.exchange("POST", "/oauth2/token", BodyPublishers.ofString("grant_type=client_credentials"),
                IdentityServer.form(clientId, secret));
    }

    /** A refresh in a JSON body, the client authenticating with HTTP Basic. */
    private static JsonNode refresh(Http http, String clientId, String secret, String refreshToken) {
        Reply reply = http.exchange("POST", "/oauth2/token", BodyPublishers.ofString(
                "{\"grant_type\": \"refresh_token\", \"refresh_token\": \"" + refreshToken + "\"}"),
                Map.of("Content-Type", "application/json", "Authorization", "Basic "
                        + IdentityServer.basic(clientId, secret)));
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }
}
