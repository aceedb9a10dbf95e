package io.customerclassification.bootstrap.process;

import static io.customerclassification.bootstrap.e2e.IdentityServer.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.customerclassification.bootstrap.e2e.Http;
import io.customerclassification.bootstrap.e2e.Http.Reply;
import io.customerclassification.bootstrap.e2e.IdentityServer;
import io.customerclassification.bootstrap.e2e.TokenForge;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server jar's whole output — its log at {@code debug} for our own code, the request log, every warning and error
 * — after a session that uses every kind of secret the server knows, right and wrong, in the places they belong and in
 * places they do not (a token in a query string, a secret in a JSON field the admin API refuses): none of them
 * appears, whole or as a token's signature.
 */
class SecretsNeverLoggedIT {

    private static final String PROFILES = "/api/v1.0/companies/0/setup/customerProfiles/";
    private static final String TYPES = "/objects/accounts-receivable/customer-type";
    private static final String FORM = "application/x-www-form-urlencoded";

    @TempDir
    Path folder;

    private final Map<String, String> secrets = new LinkedHashMap<>();

    @Test
    void noSecretOrTokenOfASessionAppearsInTheServersOutput() {
        Path database = folder.resolve("store.db");
        String adminSecret = "operator-secret-" + System.nanoTime();
        secrets.put("the bootstrap secret", adminSecret);
        ServerProcess server = ServerProcess.launch(folder, Map.of(),
                List.of("-Dorg.slf4j.simpleLogger.log.io.customerclassification=debug"),
                "--port", "0", "--db", database.toString(), "--bootstrap-client", "ops:" + adminSecret);
        try (server) {
            session(new Http(server.awaitListening(ServerProcess.START_SECONDS)), database, adminSecret);
            server.terminate();
            assertEquals(143, server.awaitExit(30), server.output());
            String output = server.output();
            assertTrue(output.contains("method=POST path=/oauth2/token status=200"), "the request log was written: "
                    + output);
            List<String> found = new ArrayList<>();
            secrets.forEach((what, secret) -> {
                if (output.contains(secret)) {
                    found.add(what);
                }
                if (secret.chars().filter(c -> c == '.').count() == 2) {
                    String signature = secret.substring(secret.lastIndexOf('.') + 1);
                    if (signature.length() > 20 && output.contains(signature)) {
                        found.add(what + " (its signature)");
                    }
                }
            });
            assertEquals(List.of(), found, "secrets in the output of " + secrets.size() + " checked");
            assertTrue(secrets.size() >= 20, "the session used " + secrets.size() + " secrets");
        }
    }

    private void session(Http http, Path database, String adminSecret) {
        JsonNode adminTokens = tokens(http, "/oauth2/token", "grant_type=client_credentials&client_id=ops&client_secret="
                + adminSecret);
        Map<String, String> admin = bearer(keep("the admin's access token", adminTokens.get("access_token").asText()));
        keep("the admin's refresh token", adminTokens.get("refresh_token").asText());

        Reply created = http.post("/admin/v1/clients", "{\"clientId\": \"app\", \"grants\": [{\"company\": 0,"
                + " \"resource\": \"customer-type\", \"permissions\": [\"list\", \"view\", \"add\"]}]}", admin);
        String appSecret = keep("a created client's secret", created.json().get("clientSecret").asText());
        JsonNode appTokens = tokens(http, "/ia/api/v1/oauth2/token", "grant_type=client_credentials&client_id=app"
                + "&client_secret=" + appSecret + "&username=carol%400");
        Map<String, String> app = bearer(keep("a token with a user", appTokens.get("access_token").asText()));
        String refresh = keep("its refresh token", appTokens.get("refresh_token").asText());
        assertEquals(201, http.post(TYPES, "{\"id\": \"Reseller\"}", app).status());
        assertEquals(403, http.delete(TYPES + "/1", app).status());

        JsonNode refreshed = tokens(http, "/oauth2/token", "grant_type=refresh_token&refresh_token=" + refresh
                + "&client_id=app&client_secret=" + appSecret);
        keep("a refreshed access token", refreshed.get("access_token").asText());
        String newest = keep("a rotated refresh token", refreshed.get("refresh_token").asText());
        assertEquals(400, form(http, "/oauth2/token", "grant_type=refresh_token&refresh_token=" + refresh
                + "&client_id=app&client_secret=" + appSecret).status(), "a reused refresh token");
        assertEquals(200, form(http, "/oauth2/revoke", "token=" + newest + "&client_id=app&client_secret=" + appSecret)
                .status());

        for (int attempt = 0; attempt < 12; attempt++) {
            String wrong = keep("a wrong secret", "wrong-secret-" + attempt + "-" + System.nanoTime());
            form(http, "/oauth2/token", "grant_type=client_credentials&client_id=app&client_secret=" + wrong);
        }
        Reply basicWrong = http.exchange("POST", "/oauth2/token", BodyPublishers.ofString("grant_type=client_credentials"),
                IdentityServer.form("ops", keep("a wrong secret over Basic", "wrong-basic-" + System.nanoTime())));
        assertEquals(401, basicWrong.status(), basicWrong::toString);

        Reply rotated = http.post("/admin/v1/clients/app/secret", null, admin);
        keep("a rotated secret", rotated.json().get("clientSecret").asText());
        Reply key = http.post("/admin/v1/clients/app/keys", null, admin);
        String apiKey = keep("an API key", key.json().get("apiKey").asText());
        assertEquals(200, http.get(TYPES, bearer(apiKey)).status());
        Reply another = http.post("/admin/v1/clients/app/keys", null, admin);
        String revokedKey = keep("a revoked API key", another.json().get("apiKey").asText());
        assertEquals(204, http.delete("/admin/v1/clients/app/keys/" + another.json().get("keyId").asText(), admin)
                .status());
        assertEquals(401, http.get(TYPES, bearer(revokedKey)).status());

        TokenForge forge = new TokenForge(IdentityServer.signingKey(database));
        for (String forged : List.of(forge.expired("ops"), forge.otherKey("ops"), forge.unsigned("ops"),
                forge.hmacWithPublicKey("ops"), forge.foreignIssuer("ops"),
                TokenForge.tampered(admin.get("Authorization").substring(7), "app"))) {
            assertEquals(401, http.get(PROFILES, bearer(keep("a forged token", forged))).status());
        }
        String garbage = keep("a malformed bearer token", "garbage-" + System.nanoTime() + ".x.y");
        assertEquals(401, http.get(PROFILES, bearer(garbage)).status());
        String inQuery = keep("a token in a query string", refreshed.get("access_token").asText() + "Q");
        assertEquals(401, http.get(PROFILES + "?access_token=" + inQuery).status());
        String inBody = keep("a secret in a field the admin API refuses", "field-secret-" + System.nanoTime());
        assertEquals(400, http.post("/admin/v1/clients", "{\"clientId\": \"x\", \"clientSecret\": \"" + inBody
                + "\", \"grants\": []}", admin).status());
        assertEquals(401, http.get(PROFILES, Map.of("Authorization", "Basic " + IdentityServer.basic("ops",
                adminSecret))).status(), "credentials in the wrong scheme");
    }

    private String keep(String what, String secret) {
        secrets.put(what + " #" + secrets.size(), secret);
        return secret;
    }

    private static Reply form(Http http, String path, String body) {
        return http.exchange("POST", path, BodyPublishers.ofString(body), Map.of("Content-Type", FORM));
    }

    private static JsonNode tokens(Http http, String path, String body) {
        Reply reply = form(http, path, body);
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }
}
