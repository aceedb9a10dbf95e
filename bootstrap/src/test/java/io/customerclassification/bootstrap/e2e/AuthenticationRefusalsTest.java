package io.customerclassification.bootstrap.e2e;

import static io.customerclassification.bootstrap.e2e.IdentityServer.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.customerclassification.bootstrap.e2e.Http.Reply;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may call, over real HTTP against the real server and store (CONTRACT §4): every credential that must not pass
 * is refused with 401 on both dialects, in each dialect's format, with the RFC 6750 challenge, and changes nothing;
 * the audit fields name the token's user, else its client; API keys work on both dialects until revoked; the Intacct
 * dialect defaults to the token's company; signing keys rotate without ending the tokens already issued; a company
 * registered through the admin API is served at once; a grant taken away ends access at the next request.
 */
class AuthenticationRefusalsTest {

    private static final String PROFILES = "/api/v1.0/companies/%d/setup/customerProfiles/";
    private static final String TYPES = "/objects/accounts-receivable/customer-type";
    private static final String ENTITY = "X-IA-API-Param-Entity";
    private static final String EVERYTHING = "[{\"company\": \"*\", \"resource\": \"customer-profile\", \"permissions\":"
            + " [\"list\", \"view\", \"add\", \"edit\", \"delete\"]}, {\"company\": \"*\", \"resource\": \"customer-type\","
            + " \"permissions\": [\"list\", \"view\", \"add\", \"edit\", \"delete\"]}]";

    private static IdentityServer server;
    private static Http http;
    private static String profile;
    private static String type;

    /** A credential that must be refused, and whether it was a token at all (then the challenge names the error). */
    record Bad(String kind, Map<String, String> headers, boolean tokenSent) {

        @Override
        public String toString() {
            return kind;
        }
    }

    @BeforeAll
    static void start() {
        server = IdentityServer.start("--company", "1=Other");
        http = server.http();
        Reply created = http.post(PROFILES.formatted(0), "{\"Name\": \"Gold\"}", server.asAdmin());
        assertEquals(201, created.status(), created::toString);
        profile = PROFILES.formatted(0) + created.json().get("ID").asText();
        Reply createdType = http.post(TYPES, "{\"id\": \"Reseller\"}", server.asAdmin());
        assertEquals(201, createdType.status(), createdType::toString);
        type = TYPES + "/" + createdType.json().get("ia::result").get("key").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<Arguments> everyBadCredentialOnEveryKindOfRequest() {
        TokenForge forge = new TokenForge(server.signingKey());
        String secret = server.createClient("victim", EVERYTHING);
        String valid = IdentityServer.token(http, "victim", secret);
        String revoked = IdentityServer.token(http, "victim", secret);
        assertEquals(200, http.exchange("POST", "/oauth2/revoke", BodyPublishers.ofString("token=" + revoked),
                IdentityServer.form("victim", secret)).status());
        String beforeRotation = IdentityServer.token(http, "victim", secret);
        assertEquals(200, http.post("/admin/v1/clients/victim/secret", null, server.asAdmin()).status());
        String ofDeletedClient = IdentityServer.token(http, "gone", server.createClient("gone", EVERYTHING));
        Reply key = http.post("/admin/v1/clients/gone/keys", null, server.asAdmin());
        assertEquals(201, key.status(), key::toString);
        String apiKeyOfDeletedClient = key.json().get("apiKey").asText();
        assertEquals(204, http.delete("/admin/v1/clients/gone", server.asAdmin()).status());
        String keeper = server.createClient("keeper", EVERYTHING);
        Reply revokedKey = http.post("/admin/v1/clients/keeper/keys", null, server.asAdmin());
        assertEquals(204, http.delete("/admin/v1/clients/keeper/keys/" + revokedKey.json().get("keyId").asText(),
                server.asAdmin()).status());
        String basic = Base64.getEncoder().encodeToString(("keeper:" + keeper).getBytes());
        List<Bad> bad = List.of(
                new Bad("no Authorization header", Map.of(), false),
                new Bad("another scheme (Basic)", Map.of("Authorization", "Basic " + basic), false),
                new Bad("Bearer and nothing", Map.of("Authorization", "Bearer "), false),
                new Bad("a malformed token", bearer("not.a.jwt"), true),
                new Bad("an expired token", bearer(forge.expired("victim")), true),
                new Bad("a token signed by another key", bearer(forge.otherKey("victim")), true),
                new Bad("an unsigned token (alg none)", bearer(forge.unsigned("victim")), true),
                new Bad("an HMAC keyed with the public key", bearer(forge.hmacWithPublicKey("victim")), true),
                new Bad("a tampered payload", bearer(TokenForge.tampered(valid, "admin")), true),
                new Bad("another issuer's token", bearer(forge.foreignIssuer("victim")), true),
                new Bad("a revoked token", bearer(revoked), true),
                new Bad("a token from before the secret was rotated", bearer(beforeRotation), true),
                new Bad("a deleted client's token", bearer(ofDeletedClient), true),
                new Bad("a deleted client's API key", bearer(apiKeyOfDeletedClient), true),
                new Bad("a revoked API key", bearer(revokedKey.json().get("apiKey").asText()), true),
                new Bad("an API key never issued", bearer("cck_" + "A".repeat(59)), true));
        List<Arguments> cases = new ArrayList<>();
        for (Bad credential : bad) {
            for (String request : List.of("simpro create", "simpro patch", "simpro delete", "simpro get",
                    "intacct create", "intacct patch", "intacct delete", "intacct query")) {
                cases.add(Arguments.of(credential, request));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource
    void everyBadCredentialOnEveryKindOfRequest(Bad credential, String request) {
        String before = server.storeContents();
        Reply reply = switch (request) {
            case "simpro create" -> http.post(PROFILES.formatted(0), "{\"Name\": \"Intruder\"}", credential.headers());
            case "simpro patch" -> http.send("PATCH", profile, "{\"Name\": \"Intruder\"}", credential.headers());
            case "simpro delete" -> http.send("DELETE", profile, null, credential.headers());
            case "simpro get" -> http.get(profile, credential.headers());
            case "intacct create" -> http.post(TYPES, "{\"id\": \"Intruder\"}", credential.headers());
            case "intacct patch" -> http.send("PATCH", type, "{\"status\": \"inactive\"}", credential.headers());
            case "intacct delete" -> http.send("DELETE", type, null, credential.headers());
            case "intacct query" -> http.post("/services/core/query",
                    "{\"object\": \"accounts-receivable/customer-type\", \"fields\": [\"id\"]}", credential.headers());
            default -> throw new IllegalArgumentException(request);
        };
        assertEquals(401, reply.status(), reply::toString);
        String challenge = reply.header("WWW-Authenticate");
        if (credential.tokenSent()) {
            assertTrue(challenge.startsWith("Bearer realm=\"customer-classification\", error=\"invalid_token\""),
                    challenge);
        } else {
            assertEquals("Bearer realm=\"customer-classification\"", challenge);
        }
        if (request.startsWith("simpro")) {
            assertNotNull(reply.json().get("errors").get(0).get("message"), reply::toString);
        } else {
            JsonNode error = reply.json().get("ia::result").get("ia::error");
            assertEquals("unauthorized", error.get("code").asText(), reply::toString);
            assertEquals("CC-1401", error.get("errorId").asText(), reply::toString);
        }
        String sent = credential.headers().getOrDefault("Authorization", "");
        if (sent.length() > "Bearer ".length() + 8) {
            String secretPart = sent.substring(sent.indexOf(' ') + 1);
            assertFalse(reply.body().contains(secretPart), "the credential came back in the body");
            assertFalse(challenge.contains(secretPart), "the credential came back in the challenge");
        }
        assertEquals(before, server.storeContents(), "a refused request changed the store");
    }

    @Test
    void theAuditFieldsNameTheTokensUserElseItsClient() {
        String secret = server.createClient("writer", EVERYTHING);
        Map<String, String> plain = bearer(IdentityServer.token(http, "writer", secret));
        Map<String, String> carol = bearer(intacctToken("writer", secret, "carol@0").get("access_token").asText());
        Map<String, String> dave = bearer(intacctToken("writer", secret, "dave@0").get("access_token").asText());

        String byCarol = created(http.post(TYPES, "{\"id\": \"By Carol\"}", carol));
        assertEquals("carol", audit(byCarol, "createdBy"));
        assertEquals("carol", audit(byCarol, "modifiedBy"));
        assertEquals(200, http.send("PATCH", byCarol, "{\"status\": \"inactive\"}", dave).status());
        assertEquals("carol", audit(byCarol, "createdBy"));
        assertEquals("dave", audit(byCarol, "modifiedBy"));

        String byClient = created(http.post(TYPES, "{\"id\": \"By the client\"}", plain));
        assertEquals("writer", audit(byClient, "createdBy"));
        Reply key = http.post("/admin/v1/clients/writer/keys", null, server.asAdmin());
        String byKey = created(http.post(TYPES, "{\"id\": \"By the key\"}",
                bearer(key.json().get("apiKey").asText())));
        assertEquals("writer", audit(byKey, "createdBy"));
    }

    @Test
    void anApiKeyServesBothDialectsUntilRevoked() {
        server.createClient("integration", EVERYTHING);
        Reply key = http.post("/admin/v1/clients/integration/keys", null, server.asAdmin());
        assertEquals(201, key.status(), key::toString);
        String apiKey = key.json().get("apiKey").asText();
        assertTrue(apiKey.startsWith("cck_"), apiKey);
        Map<String, String> asKey = bearer(apiKey);
        assertEquals(200, http.get(profile, asKey).status());
        assertEquals(200, http.get(type, asKey).status());
        Reply listed = http.get("/admin/v1/clients/integration/keys", server.asAdmin());
        assertFalse(listed.body().contains(apiKey), "a listed key shows the key itself");
        assertEquals(204, http.delete("/admin/v1/clients/integration/keys/" + key.json().get("keyId").asText(),
                server.asAdmin()).status());
        assertEquals(401, http.get(profile, asKey).status());
        assertEquals(401, http.get(type, asKey).status());
    }

    @Test
    void theIntacctDialectDefaultsToTheCompanyTheTokenIsLimitedTo() {
        String secret = server.createClient("entity-one", EVERYTHING);
        Map<String, String> limited = bearer(intacctToken("entity-one", secret, "erin@1").get("access_token").asText());
        String key = created(http.post(TYPES, "{\"id\": \"Of company one\"}", limited));
        JsonNode stored = http.get(key, limited).json().get("ia::result");
        assertEquals("1", stored.get("entity").get("key").asText(), stored::toString);
        Map<String, String> withHeader = new LinkedHashMap<>(server.asAdmin());
        withHeader.put(ENTITY, "1");
        assertEquals(200, http.get(key, withHeader).status());
        assertEquals(404, http.get(key, server.asAdmin()).status(), "the type was made in company 0");
        Map<String, String> otherCompany = new LinkedHashMap<>(limited);
        otherCompany.put(ENTITY, "0");
        Reply refused = http.get(TYPES, otherCompany);
        assertEquals(403, refused.status(), refused::toString);
        assertEquals(403, http.get(PROFILES.formatted(0), limited).status(), "a limited token is limited on Simpro too");
        assertEquals(200, http.get(PROFILES.formatted(1), limited).status());
    }

    @Test
    void aRotatedSigningKeySignsNewTokensAndThePreviousKeyStaysValid() {
        Map<String, String> before = bearer(IdentityServer.token(http, IdentityServer.ADMIN,
                IdentityServer.ADMIN_SECRET));
        List<String> keysBefore = keyIds();
        Reply rotated = http.post("/admin/v1/signing-keys", null, server.asAdmin());
        assertEquals(201, rotated.status(), rotated::toString);
        String newKey = rotated.json().get("keyId").asText();
        List<String> keysAfter = keyIds();
        assertTrue(keysAfter.contains(newKey) && keysAfter.containsAll(keysBefore), keysAfter::toString);
        assertFalse(keysBefore.contains(newKey));
        String after = IdentityServer.token(http, IdentityServer.ADMIN, IdentityServer.ADMIN_SECRET);
        String header = new String(Base64.getUrlDecoder().decode(after.substring(0, after.indexOf('.'))));
        assertTrue(header.contains("\"kid\":\"" + newKey + "\""), header);
        assertEquals(200, http.get(profile, before).status(), "a token signed by the previous key");
        assertEquals(200, http.get(profile, bearer(after)).status());
    }

    @Test
    void aCompanyRegisteredThroughTheAdminApiIsServedAtOnce() {
        Reply added = http.post("/admin/v1/companies", "{\"id\": 7, \"name\": \"Seven\"}", server.asAdmin());
        assertEquals(201, added.status(), added::toString);
        assertEquals(201, http.post(PROFILES.formatted(7), "{\"Name\": \"Gold\"}", server.asAdmin()).status());
        Map<String, String> seven = new LinkedHashMap<>(server.asAdmin());
        seven.put(ENTITY, "7");
        assertEquals(201, http.post(TYPES, "{\"id\": \"Reseller\"}", seven).status());
        Reply again = http.post("/admin/v1/companies", "{\"id\": 7, \"name\": \"Other\"}", server.asAdmin());
        assertEquals(409, again.status(), again::toString);
        assertEquals("application/problem+json", again.header("Content-Type"));
    }

    @Test
    void aGrantTakenAwayOrAClientDeletedEndsAccessAtTheNextRequest() {
        Map<String, String> reader = server.newClient("reader", "[{\"company\": 0, \"resource\": \"customer-profile\","
                + " \"permissions\": [\"view\"]}]");
        assertEquals(200, http.get(profile, reader).status());
        assertEquals(200, http.send("PATCH", "/admin/v1/clients/reader", "{\"grants\": []}", server.asAdmin())
                .status());
        assertEquals(403, http.get(profile, reader).status());
        assertEquals(204, http.delete("/admin/v1/clients/reader", server.asAdmin()).status());
        assertEquals(401, http.get(profile, reader).status());
    }

    private static JsonNode intacctToken(String clientId, String secret, String username) {
        Reply reply = http.exchange("POST", "/ia/api/v1/oauth2/token", BodyPublishers.ofString(
                "grant_type=client_credentials&client_id=" + clientId + "&client_secret=" + secret + "&username="
                        + username), Map.of("Content-Type", "application/x-www-form-urlencoded"));
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    private static String created(Reply reply) {
        assertEquals(201, reply.status(), reply::toString);
        return reply.json().get("ia::result").get("href").asText();
    }

    private static String audit(String href, String field) {
        Map<String, String> headers = new LinkedHashMap<>(server.asAdmin());
        Reply reply = http.get(href, headers);
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().get("ia::result").get("audit").get(field).asText();
    }

    private static List<String> keyIds() {
        List<String> ids = new ArrayList<>();
        Reply jwks = http.get("/.well-known/jwks.json");
        assertEquals(200, jwks.status());
        jwks.json().get("keys").forEach(key -> ids.add(key.get("kid").asText()));
        assertNotEquals(0, ids.size());
        return ids;
    }
}
