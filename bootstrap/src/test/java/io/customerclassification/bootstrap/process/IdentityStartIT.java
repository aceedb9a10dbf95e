package io.customerclassification.bootstrap.process;

import static io.customerclassification.bootstrap.e2e.IdentityServer.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.bootstrap.e2e.Http;
import io.customerclassification.bootstrap.e2e.Http.Reply;
import io.customerclassification.bootstrap.e2e.IdentityServer;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may call the server jar once it starts (CONTRACT §4): the first start on an empty store prints an admin client
 * once, a restart does not; {@code --bootstrap-client} creates or updates its client at every start; {@code --auth
 * none} is refused on a non-loopback host and warned about at every start on a loopback one; the operator's commands
 * act on the store a running server uses, which applies them at once.
 */
class IdentityStartIT {

    private static final String PROFILES = "/api/v1.0/companies/0/setup/customerProfiles/";
    private static final Pattern SHOWN_ONCE = Pattern.compile("\\(shown once, keep it\\): (\\S+)");

    @TempDir
    Path folder;

    @Test
    void theFirstStartPrintsAnAdminClientOnceAndARestartDoesNot() {
        Path database = folder.resolve("store.db");
        Map<String, String> credentials;
        try (ServerProcess first = ServerProcess.start(database)) {
            credentials = FirstStart.credentials(first.output());
            assertEquals("admin", credentials.get("CLIENT_ID"), first.output());
            String secret = credentials.get("CLIENT_SECRET");
            assertEquals(1, occurrences(first.output(), secret), "the secret is printed once, in the banner");
            Http http = new Http(first.port());
            assertEquals(401, http.get(PROFILES).status());
            assertEquals(200, http.get(PROFILES, bearer(IdentityServer.token(http, "admin", secret))).status());
            first.terminate();
            assertEquals(143, first.awaitExit(30), first.output());
        }
        try (ServerProcess second = ServerProcess.start(database)) {
            assertEquals(Map.of(), FirstStart.credentials(second.output()), second.output());
            assertFalse(second.output().contains(credentials.get("CLIENT_SECRET")));
            Http http = new Http(second.port());
            String token = IdentityServer.token(http, "admin", credentials.get("CLIENT_SECRET"));
            assertEquals(200, http.get(PROFILES, bearer(token)).status(), "a token signed by the stored key");
        }
    }

    @Test
    void theBootstrapClientIsCreatedOrUpdatedAtEveryStartAndNoOtherIsMade() {
        Path database = folder.resolve("store.db");
        String first = "first-secret-0123456789";
        try (ServerProcess server = ServerProcess.start(database, "--bootstrap-client", "ops:" + first)) {
            assertEquals(Map.of(), FirstStart.credentials(server.output()), "no first-start client beside it");
            assertFalse(server.output().contains(first), "the secret is in no log line");
            Http http = new Http(server.port());
            assertEquals(200, http.get(PROFILES, bearer(IdentityServer.token(http, "ops", first))).status());
        }
        String second = "second-secret-0123456789";
        ServerProcess server = ServerProcess.launch(folder, Map.of("CLASSIFICATION_BOOTSTRAP_CLIENT", "ops:" + second),
                "--port", "0", "--db", database.toString());
        try (server) {
            Http http = new Http(server.awaitListening(ServerProcess.START_SECONDS));
            Reply old = http.exchange("POST", "/oauth2/token", BodyPublishers.ofString("grant_type=client_credentials"),
                    IdentityServer.form("ops", first));
            assertEquals(401, old.status(), old::toString);
            assertEquals(200, http.get(PROFILES, bearer(IdentityServer.token(http, "ops", second))).status());
            assertFalse(server.output().contains(second));
        }
    }

    @Test
    void authNoneIsRefusedOnAHostOtherThanLoopback() {
        ServerProcess flag = ServerProcess.launch(folder, Map.of(), "--port", "0", "--host", "0.0.0.0",
                "--auth", "none");
        assertEquals(2, flag.awaitExit(30), flag.output());
        assertTrue(flag.output().contains("error: --auth none serves every request without credentials"),
                flag.output());
        ServerProcess env = ServerProcess.launch(folder, Map.of("CLASSIFICATION_AUTH", "none",
                "CLASSIFICATION_HOST", "0.0.0.0"), "--port", "0");
        assertEquals(2, env.awaitExit(30), env.output());
    }

    @Test
    void authNoneOnLoopbackServesWithoutCredentialsAndWarnsAtEveryStart() {
        Path database = folder.resolve("store.db");
        for (int start = 0; start < 2; start++) {
            try (ServerProcess server = ServerProcess.start(database, "--auth", "none")) {
                assertTrue(server.output().contains("WARN") && server.output().contains("--auth none: every request"
                        + " is served without credentials"), server.output());
                assertEquals(200, new Http(server.port()).get(PROFILES).status());
            }
        }
    }

    @Test
    void operatorCommandsActOnTheStoreARunningServerUsesAtOnce() {
        Path database = folder.resolve("store.db");
        String adminSecret = "the-operators-secret-01";
        try (ServerProcess server = ServerProcess.start(database, "--bootstrap-client", "ops:" + adminSecret)) {
            Http http = new Http(server.port());
            ServerProcess create = command("clients", "create", "reader", "--grant", "0:customer-profile:list",
                    "--db", database.toString());
            assertEquals(0, create.awaitExit(60), create.output());
            Matcher secret = SHOWN_ONCE.matcher(create.output());
            assertTrue(secret.find(), create.output());
            Map<String, String> reader = bearer(IdentityServer.token(http, "reader", secret.group(1)));
            assertEquals(200, http.get(PROFILES, reader).status());
            assertEquals(403, http.post(PROFILES, "{\"Name\": \"Gold\"}", reader).status());

            ServerProcess company = command("companies", "add", "9", "Nine", "--db", database.toString());
            assertEquals(0, company.awaitExit(60), company.output());
            Map<String, String> admin = bearer(IdentityServer.token(http, "ops", adminSecret));
            assertEquals(201, http.post("/api/v1.0/companies/9/setup/customerProfiles/", "{\"Name\": \"Gold\"}", admin)
                    .status(), "served without a restart");

            ServerProcess delete = command("clients", "delete", "reader", "--db", database.toString());
            assertEquals(0, delete.awaitExit(60), delete.output());
            assertEquals(401, http.get(PROFILES, reader).status(), "the deleted client's token, at once");

            ServerProcess bad = command("clients", "create", "other", "--grant", "0:customer-profile:fly",
                    "--db", database.toString());
            assertEquals(2, bad.awaitExit(60), bad.output());
            assertTrue(bad.output().contains("a permission is list, view, add, edit or delete, was 'fly'"),
                    bad.output());
        }
    }

    private ServerProcess command(String... args) {
        return ServerProcess.launch(folder, Map.of(), args);
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
