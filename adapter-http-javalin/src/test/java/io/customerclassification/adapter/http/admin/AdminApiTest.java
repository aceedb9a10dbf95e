package io.customerclassification.adapter.http.admin;

import static io.customerclassification.adapter.http.IdentityHarness.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.customerclassification.adapter.http.ApiClient;
import io.customerclassification.adapter.http.ApiClient.Reply;
import io.customerclassification.adapter.http.IdentityHarness;
import io.customerclassification.application.port.in.identity.ClientCredentials;
import io.customerclassification.application.port.in.identity.ClientWithSecret;
import io.customerclassification.application.port.in.identity.IssueTokenCommand;
import io.customerclassification.domain.identity.Client;
import io.customerclassification.domain.identity.ClientId;
import io.customerclassification.domain.identity.InvalidClientException;
import io.customerclassification.domain.identity.InvalidTokenException;
import io.customerclassification.domain.identity.Permission;
import io.customerclassification.domain.identity.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AdminApiTest {

    private static final String NEW_CLIENT = "{\"clientId\":\"reporting\",\"grants\":[{\"company\":1,"
            + "\"resource\":\"customer-type\",\"permissions\":[\"view\",\"list\"]},{\"company\":\"*\","
            + "\"resource\":\"customer-profile\",\"permissions\":[]}]}";

    private final IdentityHarness harness = new IdentityHarness();
    private final Map<String, String> asAdmin = bearer(token(harness.admin));

    private String token(ClientWithSecret client) {
        return harness.identity.tokens().issueToken(new IssueTokenCommand(
                new ClientCredentials(client.client().id().value(), client.secret()), null, null)).accessToken();
    }

    private Reply send(ApiClient http, String method, String path, String body) {
        return http.send(method, path, body, body == null ? null : "application/json", asAdmin);
    }

    @Test
    void aClientIsCreatedWithItsSecretShownOnceAndListedWithout() {
        harness.run(http -> {
            Reply created = send(http, "POST", "/admin/v1/clients", NEW_CLIENT);
            assertEquals(201, created.status(), created.body());
            assertEquals("/admin/v1/clients/reporting", created.header("Location"));
            JsonNode body = created.json();
            assertEquals("reporting", body.get("clientId").asText());
            assertFalse(body.get("admin").asBoolean());
            assertEquals("[{\"company\":1,\"resource\":\"customer-type\",\"permissions\":[\"list\",\"view\"]},"
                    + "{\"company\":\"*\",\"resource\":\"customer-profile\",\"permissions\":[]}]",
                    body.get("grants").toString());
            String secret = body.get("clientSecret").asText();
            assertTrue(secret.matches("[A-Za-z0-9_-]{43}"), secret);

            Reply list = send(http, "GET", "/admin/v1/clients", null);
            assertEquals(200, list.status());
            assertEquals(List.of("admin", "reporting"), ids(list.json()));
            assertFalse(list.body().contains(secret));
            Reply one = send(http, "GET", "/admin/v1/clients/reporting", null);
            assertEquals(body.get("grants"), one.json().get("grants"));
            assertFalse(one.json().has("clientSecret"));
            assertEquals(409, send(http, "POST", "/admin/v1/clients", NEW_CLIENT).status());
        });
    }

    @Test
    void aPatchChangesTheAdminFlagAndOrTheGrants() {
        harness.run(http -> {
            send(http, "POST", "/admin/v1/clients", NEW_CLIENT);
            Reply admin = send(http, "PATCH", "/admin/v1/clients/reporting", "{\"admin\":true}");
            assertEquals(200, admin.status(), admin.body());
            assertTrue(admin.json().get("admin").asBoolean());
            assertEquals(2, admin.json().get("grants").size());
            Reply grants = send(http, "PATCH", "/admin/v1/clients/reporting", "{\"grants\":[]}");
            assertEquals(0, grants.json().get("grants").size());
            assertEquals(new Client(ClientId.of("reporting"), true, List.of()), harness.identity.clients()
                    .listClients(io.customerclassification.application.port.in.Caller.system(null)).get(1));
            assertEquals(404, send(http, "PATCH", "/admin/v1/clients/nobody", "{}").status());
        });
    }

    @Test
    void aDeletedClientCanNoLongerGetTokensAndItsTokensStop() {
        ClientWithSecret reporting = harness.client("reporting", false, List.of());
        String access = token(reporting);
        harness.run(http -> {
            assertEquals(204, send(http, "DELETE", "/admin/v1/clients/reporting", null).status());
            assertThrows(InvalidTokenException.class, () -> harness.identity.authentication().authenticate(access));
            assertThrows(InvalidClientException.class, () -> token(reporting));
            assertEquals(404, send(http, "DELETE", "/admin/v1/clients/reporting", null).status());
        });
    }

    @Test
    void aRotatedSecretReplacesTheOldOne() {
        ClientWithSecret reporting = harness.client("reporting", false, List.of());
        harness.run(http -> {
            Reply rotated = send(http, "POST", "/admin/v1/clients/reporting/secret", null);
            assertEquals(200, rotated.status(), rotated.body());
            String secret = rotated.json().get("clientSecret").asText();
            assertNotEquals(reporting.secret(), secret);
            assertThrows(InvalidClientException.class, () -> token(reporting));
            token(new ClientWithSecret(reporting.client(), secret));
        });
    }

    @Test
    void apiKeysAreCreatedShownOnceListedAndRevoked() {
        harness.client("reporting", false, List.of());
        harness.run(http -> {
            Reply created = send(http, "POST", "/admin/v1/clients/reporting/keys", null);
            assertEquals(201, created.status(), created.body());
            String keyId = created.json().get("keyId").asText();
            String apiKey = created.json().get("apiKey").asText();
            assertEquals("/admin/v1/clients/reporting/keys/" + keyId, created.header("Location"));
            assertEquals(ClientId.of("reporting"), harness.identity.authentication().authenticate(apiKey).clientId());
            Reply listed = send(http, "GET", "/admin/v1/clients/reporting/keys", null);
            assertEquals(keyId, listed.json().get(0).get("keyId").asText());
            assertFalse(listed.body().contains(apiKey));
            assertEquals(204, send(http, "DELETE", "/admin/v1/clients/reporting/keys/" + keyId, null).status());
            assertThrows(InvalidTokenException.class, () -> harness.identity.authentication().authenticate(apiKey));
            assertEquals(404, send(http, "DELETE", "/admin/v1/clients/reporting/keys/" + keyId, null).status());
            assertEquals(404, send(http, "POST", "/admin/v1/clients/nobody/keys", null).status());
        });
    }

    @Test
    void theSigningKeyRotates() {
        harness.run(http -> {
            Reply rotated = send(http, "POST", "/admin/v1/signing-keys", null);
            assertEquals(201, rotated.status(), rotated.body());
            assertTrue(harness.identity.tokens().publicKeySet().contains(rotated.json().get("keyId").asText()));
        });
    }

    @Test
    void everyProblemOfABodyIsReportedWithItsPointer() {
        harness.run(http -> {
            Reply bad = send(http, "POST", "/admin/v1/clients", "{\"clientId\":\"a b\",\"admin\":\"yes\",\"extra\":1,"
                    + "\"grants\":[{\"company\":-1,\"resource\":\"invoice\",\"permissions\":[\"fly\"],\"x\":0},5]}");
            assertProblem(bad, 400, "invalid-body");
            assertEquals(List.of("/extra", "/clientId", "/admin", "/grants/0/x", "/grants/0/company", "/grants/0/resource",
                    "/grants/0/permissions/0", "/grants/1"), pointers(bad.json()));
            assertEquals(List.of("/grants"), pointers(send(http, "POST", "/admin/v1/clients",
                    "{\"clientId\":\"ok\"}").json()));
            for (String body : List.of("", "[]", "{", "{\"a\":1,\"a\":2}", "null")) {
                assertProblem(send(http, "POST", "/admin/v1/clients", body), 400, "invalid-body");
            }
            assertProblem(http.send("POST", "/admin/v1/clients", NEW_CLIENT, "text/plain", asAdmin), 415,
                    "unsupported-media-type");
            assertProblem(send(http, "PATCH", "/admin/v1/clients/admin", "{\"grants\":{}}"), 400, "invalid-body");
            assertProblem(send(http, "GET", "/admin/v1/clients/" + "x".repeat(65), null), 404, "not-found");
        });
    }

    @Test
    void withoutACredentialOrWithABadOneTheAnswerIs401WithAChallenge() {
        harness.run(http -> {
            Reply none = http.get("/admin/v1/clients");
            assertProblem(none, 401, "unauthorized");
            assertEquals("Bearer realm=\"customer-classification\"", none.header("WWW-Authenticate"));
            Reply bad = http.send("GET", "/admin/v1/clients", (String) null, null, bearer("fake.x.y.z"));
            assertProblem(bad, 401, "unauthorized");
            assertTrue(bad.header("WWW-Authenticate").contains("error=\"invalid_token\""), bad.header("WWW-Authenticate"));
            assertProblem(http.send("GET", "/admin/v1/clients", (String) null, null, Map.of("Authorization", "Bearer a b")), 401,
                    "unauthorized");
            assertProblem(http.send("POST", "/admin/v1/clients", NEW_CLIENT, "application/json", Map.of()), 401,
                    "unauthorized");
            assertEquals(1, harness.identity.clients().listClients(
                    io.customerclassification.application.port.in.Caller.system(null)).size(), "nothing was created");
        });
    }

    @Test
    void aClientThatIsNoAdminIsForbiddenEverything() {
        ClientWithSecret plain = harness.client("plain", false, List.of(io.customerclassification.domain.identity.Grant
                .onEveryCompany(Resource.CUSTOMER_TYPE, Set.of(Permission.values()))));
        Map<String, String> asPlain = bearer(token(plain));
        harness.run(http -> {
            for (String[] call : List.of(new String[] {"GET", "/admin/v1/clients"},
                    new String[] {"POST", "/admin/v1/clients"}, new String[] {"GET", "/admin/v1/clients/admin"},
                    new String[] {"GET", "/admin/v1/clients/nobody"}, new String[] {"PATCH", "/admin/v1/clients/admin"},
                    new String[] {"DELETE", "/admin/v1/clients/admin"}, new String[] {"POST", "/admin/v1/clients/admin/secret"},
                    new String[] {"GET", "/admin/v1/clients/admin/keys"}, new String[] {"POST", "/admin/v1/clients/admin/keys"},
                    new String[] {"DELETE", "/admin/v1/clients/admin/keys/k"}, new String[] {"POST",
                            "/admin/v1/signing-keys"},
                    new String[] {"GET", "/admin/v1/companies"}, new String[] {"POST", "/admin/v1/companies"})) {
                String body = call[1].endsWith("companies") && call[0].equals("POST") ? "{\"id\": 9, \"name\": \"N\"}"
                        : call[0].equals("POST") && call[1].endsWith("clients") ? NEW_CLIENT
                        : call[0].equals("PATCH") ? "{\"admin\":false}" : null;
                Reply reply = http.send(call[0], call[1], body, body == null ? null : "application/json", asPlain);
                assertProblem(reply, 403, "forbidden");
            }
            assertTrue(harness.identity.clients().getClient(new io.customerclassification.application.port.in.identity
                    .ClientQuery(io.customerclassification.application.port.in.Caller.system(null), ClientId.of("admin")))
                    .admin(), "nothing changed");
        });
    }

    @Test
    void companiesAreRegisteredWithoutARestartAndListed() {
        harness.run(http -> {
            Reply added = send(http, "POST", "/admin/v1/companies", "{\"id\": 7, \"name\": \"Acme Ltd\"}");
            assertEquals(201, added.status(), added.body());
            assertEquals("/admin/v1/companies/7", added.header("Location"));
            assertEquals("{\"id\":7,\"name\":\"Acme Ltd\"}", added.body());
            assertProblem(send(http, "POST", "/admin/v1/companies", "{\"id\": 7, \"name\": \"Acme Ltd\"}"), 409,
                    "conflict");
            assertProblem(send(http, "POST", "/admin/v1/companies", "{\"id\": 0, \"name\": \"Again\"}"), 409,
                    "conflict");
            Reply bad = send(http, "POST", "/admin/v1/companies", "{\"id\": -1, \"name\": \" padded \", \"x\": 1}");
            assertProblem(bad, 400, "invalid-body");
            assertEquals(List.of("/x", "/id", "/name"), pointers(bad.json()));
            Reply list = send(http, "GET", "/admin/v1/companies", null);
            assertEquals("[{\"id\":0,\"name\":\"Default Company\"},{\"id\":7,\"name\":\"Acme Ltd\"}]", list.body());
        });
    }

    @Test
    void otherMethodsAndPathsAreProblemsToo() {
        harness.runUnchecked(http -> {
            Reply put = send(http, "PUT", "/admin/v1/clients", "{}");
            assertProblem(put, 405, "method-not-allowed");
            assertEquals("GET, POST", put.header("Allow"));
            assertProblem(send(http, "GET", "/admin/v1/nothing", null), 404, "not-found");
        });
    }

    private static List<String> ids(JsonNode clients) {
        List<String> ids = new ArrayList<>();
        clients.forEach(client -> ids.add(client.get("clientId").asText()));
        return ids;
    }

    private static List<String> pointers(JsonNode problem) {
        List<String> pointers = new ArrayList<>();
        problem.path("errors").forEach(error -> pointers.add(error.get("pointer").asText()));
        return pointers;
    }

    private static void assertProblem(Reply reply, int status, String type) {
        assertEquals(status, reply.status(), reply.body());
        assertTrue(reply.header("Content-Type").startsWith("application/problem+json"), reply.header("Content-Type"));
        assertEquals("urn:customer-classification:problem:" + type, reply.json().get("type").asText(), reply.body());
        assertEquals(status, reply.json().get("status").asInt());
        assertTrue(reply.json().get("detail").asText().length() > 0);
    }

}
