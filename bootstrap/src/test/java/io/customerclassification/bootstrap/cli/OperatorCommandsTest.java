package io.customerclassification.bootstrap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.bootstrap.CustomerClassification;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The operator's commands on a real store file: what each prints, its exit status (0 done, 1 refused by the store,
 * 2 a bad command line), and that secrets and keys are printed once, by the command that makes them, and never
 * listed.
 */
class OperatorCommandsTest {

    private static final Pattern SHOWN_ONCE = Pattern.compile("\\(shown once, keep it\\): (\\S+)");

    @TempDir
    Path folder;

    /** What one command printed, and its exit status. */
    record Run(int status, String out, String err) {

        String shownOnce() {
            Matcher matcher = SHOWN_ONCE.matcher(out);
            assertTrue(matcher.find(), out);
            return matcher.group(1);
        }
    }

    private Run run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = OperatorCommands.run(all.toArray(String[]::new), folder.resolve("store.db").toString(),
                location -> CustomerClassification.open(location.file()), new PrintWriter(out), new PrintWriter(err));
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void aClientsLifeFromCreationToDeletion() {
        Run created = run("clients", "create", "reporting", "--grant", "0:customer-type:list,view",
                "--grant", "*:customer-profile:list");
        assertEquals(0, created.status(), created::toString);
        assertTrue(created.out().startsWith("client reporting created"), created.out());
        String secret = created.shownOnce();
        assertTrue(secret.matches("[A-Za-z0-9_-]{43}"), secret);

        Run listed = run("clients", "list");
        assertEquals("reporting: 0:customer-type:list,view *:customer-profile:list", listed.out().strip());
        assertFalse(listed.out().contains(secret));

        Run updated = run("clients", "update", "reporting", "--admin", "true", "--grant", "1:customer-type:delete");
        assertEquals("reporting (admin): 1:customer-type:delete", updated.out().strip(), updated::toString);
        assertEquals("reporting (admin): no grants", run("clients", "update", "reporting", "--no-grants").out().strip());
        assertEquals("reporting (admin): no grants", run("clients", "show", "reporting").out().strip());

        Run rotated = run("clients", "rotate-secret", "reporting");
        assertEquals(0, rotated.status());
        String newSecret = rotated.shownOnce();
        assertFalse(newSecret.equals(secret));

        Run key = run("clients", "create-key", "reporting");
        String apiKey = key.shownOnce();
        assertTrue(apiKey.startsWith("cck_"), apiKey);
        String keyId = key.out().replaceFirst("(?s)^API key (\\S+) created.*", "$1");
        Run keys = run("clients", "keys", "reporting");
        assertTrue(keys.out().startsWith(keyId + " created "), keys.out());
        assertFalse(keys.out().contains(apiKey));
        assertEquals(0, run("clients", "revoke-key", "reporting", keyId).status());
        assertEquals("", run("clients", "keys", "reporting").out());

        assertEquals(0, run("clients", "delete", "reporting").status());
        assertEquals("", run("clients", "list").out());
    }

    @Test
    void signingKeysRotateAndCompaniesAreRegistered() {
        Run rotated = run("keys", "rotate");
        assertEquals(0, rotated.status(), rotated::toString);
        assertTrue(rotated.out().matches("signing key \\S+ signs from now on\\R"), rotated.out());
        Run added = run("companies", "add", "5", "Five Ltd");
        assertEquals("company 5 Five Ltd registered", added.out().strip(), added::toString);
        assertEquals(List.of("0 Default Company", "5 Five Ltd"), run("companies", "list").out().lines().toList());
        Run again = run("companies", "add", "5", "Other");
        assertEquals(1, again.status(), "an id taken is the store's refusal");
        assertTrue(again.err().startsWith("error: "), again.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0:customer-type", "0:invoice:list", "0:customer-type:fly", "x:customer-type:list",
            "-1:customer-type:list", "0:customer-type:list:view"})
    void aBadGrantIsABadCommandLine(String grant) {
        Run refused = run("clients", "create", "c1", "--grant", grant);
        assertEquals(2, refused.status(), refused::toString);
        assertTrue(refused.err().contains("--grant"), refused.err());
        assertEquals("", run("clients", "list").out(), "nothing was created");
    }

    @Test
    void aBadClientIdIsABadCommandLineAndAnUnknownOneTheStoresRefusal() {
        assertEquals(2, run("clients", "create", "no spaces allowed").status());
        assertEquals(2, run("clients", "show", "x".repeat(65)).status());
        Run unknown = run("clients", "show", "nobody");
        assertEquals(1, unknown.status(), unknown::toString);
        assertTrue(unknown.err().contains("nobody"), unknown.err());
        assertEquals(0, run("clients", "create", "taken").status());
        assertEquals(1, run("clients", "create", "taken").status());
    }

    @Test
    void missingArgumentsAndUnknownCommandsAreBadCommandLinesAndHelpIsNot() {
        assertEquals(2, run("clients", "create").status());
        assertEquals(2, run("clients", "teleport").status());
        assertEquals(2, run("companies", "add", "five", "Five").status());
        Run help = run("clients", "--help");
        assertEquals(0, help.status());
        assertTrue(help.out().contains("rotate-secret"), help.out());
        assertEquals(0, run("clients", "create", "--help").status());
        assertEquals(2, run("clients").status(), "a command group without its command");
    }
}
