package io.customerclassification.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.adapter.jdbi.PostgresTestDatabase;
import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.port.in.customerprofile.CreateCustomerProfileCommand;
import io.customerclassification.application.port.in.customerprofile.DeleteCustomerProfileCommand;
import io.customerclassification.application.port.in.customerprofile.GetCustomerProfileQuery;
import io.customerclassification.application.port.in.customertype.CreateCustomerTypeCommand;
import io.customerclassification.application.port.in.customertype.GetCustomerTypeQuery;
import io.customerclassification.application.port.in.customertype.ParentReference;
import io.customerclassification.domain.customerprofile.CustomerProfile;
import io.customerclassification.domain.customertype.CustomerTypeKey;
import io.customerclassification.domain.customertype.CustomerTypeStatus;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code copy-store}: an SQLite file moved into PostgreSQL (and into another file, which needs no server) keeps
 * every record and key; a missing source, a target that is not empty, and a bad command line are refused with the
 * reason.
 */
class CopyStoreCommandTest {

    private static final Caller SYSTEM = Caller.system(null);
    private static final Caller ALICE = Caller.system("alice");

    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return CopyStoreCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    /** A file with two profiles (the first deleted, so the next id is 3) and a type under another. */
    private Path seededFile() {
        Path file = folder.resolve("old/classification.db");
        try (CustomerClassification app = CustomerClassification.open(file)) {
            CustomerProfile first = app.createCustomerProfile(
                    new CreateCustomerProfileCommand(SYSTEM, CompanyId.DEFAULT, Name.of("Gold"), false));
            app.createCustomerProfile(new CreateCustomerProfileCommand(SYSTEM, CompanyId.DEFAULT, Name.of("Silver"), true));
            app.deleteCustomerProfile(new DeleteCustomerProfileCommand(SYSTEM, CompanyId.DEFAULT, first.id()));
            app.createCustomerType(new CreateCustomerTypeCommand(ALICE, CompanyId.DEFAULT, Name.of("Reseller"),
                    CustomerTypeStatus.ACTIVE, null));
            app.createCustomerType(new CreateCustomerTypeCommand(ALICE, CompanyId.DEFAULT, Name.of("VAR"),
                    CustomerTypeStatus.ACTIVE, ParentReference.byName(Name.of("Reseller"))));
        }
        return file;
    }

    private static void assertCopied(CustomerClassification copy) {
        assertEquals("Silver", copy.getCustomerProfile(new GetCustomerProfileQuery(SYSTEM, CompanyId.DEFAULT,
                io.customerclassification.domain.customerprofile.CustomerProfileId.of(2))).name().value());
        assertEquals(CustomerTypeKey.of(1), copy.getCustomerType(new GetCustomerTypeQuery(SYSTEM, CompanyId.DEFAULT,
                CustomerTypeKey.of(2))).type().parentKey());
        assertEquals(3, copy.createCustomerProfile(new CreateCustomerProfileCommand(SYSTEM, CompanyId.DEFAULT,
                Name.of("Bronze"), false)).id().value(), "id 1 was handed out by the original: never again");
    }

    @Test
    void anSqliteFileMovesIntoPostgresql() {
        Path file = seededFile();
        try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
            assertEquals(0, run("--from", file.toString(), "--to", database.url()), err.toString());
            assertTrue(out.toString().startsWith("copied 0 companies besides company 0, 1 customer profiles, 2"
                    + " customer types, 0 API clients and 0 idempotency keys from " + file.toAbsolutePath()
                    + " to jdbc:postgresql://"),
                    out.toString());
            assertFalse(out.toString().contains(":" + "classification_ci@") || out.toString().contains("password"),
                    "no password in the output: " + out);
            try (CustomerClassification copy = CustomerClassification.openPostgres(database.url(), 2)) {
                assertCopied(copy);
            }
        }
    }

    @Test
    void aCopyIntoAnotherFileKeepsEveryKeyAndATargetThatIsNotEmptyIsRefused() {
        Path file = seededFile();
        Path target = folder.resolve("new/classification.db");
        assertEquals(0, run("--from", file.toString(), "--to", target.toString()), err.toString());
        assertEquals(1, run("--from", file.toString(), "--to", target.toString()));
        assertTrue(err.toString().contains("error: the target store already holds records, API clients or idempotency"
                + " keys: copy into an empty store (nothing was copied)"), err.toString());
        try (CustomerClassification copy = CustomerClassification.open(target)) {
            assertCopied(copy);
        }
    }

    @Test
    void aMissingSourceOrTargetIsRefusedWithTheReason() {
        assertEquals(1, run("--from", folder.resolve("typo.db").toString(), "--to", folder.resolve("x.db").toString()));
        assertTrue(err.toString().startsWith("error: --from: no database file "), err.toString());
        assertFalse(folder.resolve("typo.db").toFile().exists(), "no empty source was created");
        assertEquals(2, run("--to", folder.resolve("x.db").toString()));
        assertTrue(err.toString().contains("Missing required option: '--from=FILE|URL'"), err.toString());
        assertEquals(2, run("--from", "postgresql://u:secret@/db", "--to", "x.db"));
        assertTrue(err.toString().contains("--from: a PostgreSQL URL needs a host"), err.toString());
        assertFalse(err.toString().contains("secret"), err.toString());
    }
}
