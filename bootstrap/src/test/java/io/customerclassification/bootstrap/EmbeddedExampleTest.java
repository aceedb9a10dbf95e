package io.customerclassification.bootstrap;

import io.customerclassification.application.port.in.Caller;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.application.model.CustomerTypeView;
import io.customerclassification.application.port.in.customerprofile.CreateCustomerProfileCommand;
import io.customerclassification.application.port.in.customertype.CreateCustomerTypeCommand;
import io.customerclassification.application.port.in.customertype.ParentReference;
import io.customerclassification.application.port.in.customertype.QueryCustomerTypesQuery;
import io.customerclassification.application.port.in.customertype.UpdateCustomerTypeCommand;
import io.customerclassification.application.query.Comparison;
import io.customerclassification.application.query.Criteria;
import io.customerclassification.application.query.CustomerTypeField;
import io.customerclassification.application.query.Operator;
import io.customerclassification.application.query.Page;
import io.customerclassification.application.query.Paging;
import io.customerclassification.application.query.SortKey;
import io.customerclassification.domain.customertype.CustomerTypeStatus;
import io.customerclassification.domain.customertype.DeactivateWithActiveChildrenException;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded example of README.md, run as written; a second test keeps README.md and this code identical. */
class EmbeddedExampleTest {

    @TempDir
    Path folder;

    @Test
    void theReadmeExampleRunsAsWritten() {
        Path databaseFile = folder.resolve("classification.db");
        List<String> printed = new java.util.ArrayList<>();
        java.util.function.Consumer<Object> println = line -> printed.add(String.valueOf(line));
        // README:start
        try (CustomerClassification app = CustomerClassification.open(databaseFile)) {
            Caller alice = Caller.system("alice"); // trusted without checks; the audit fields name her
            CompanyId company = CompanyId.DEFAULT;
            app.createCustomerProfile(new CreateCustomerProfileCommand(alice, company, Name.of("Gold"), false));

            CustomerTypeView reseller = app.createCustomerType(new CreateCustomerTypeCommand(
                    alice, company, Name.of("Reseller"), CustomerTypeStatus.ACTIVE, null));
            app.createCustomerType(new CreateCustomerTypeCommand(alice, company, Name.of("Value-added reseller"),
                    CustomerTypeStatus.ACTIVE, ParentReference.byName(Name.of("reseller"))));

            try {
                app.updateCustomerType(new UpdateCustomerTypeCommand(
                        alice, company, reseller.type().key(), CustomerTypeStatus.INACTIVE, null));
            } catch (DeactivateWithActiveChildrenException e) {
                println.accept(e.getMessage()); // the hierarchy rules hold in-process too
            }

            Page<CustomerTypeView> children = app.queryCustomerTypes(new QueryCustomerTypesQuery(alice, company,
                    new Criteria(Comparison.of(CustomerTypeField.PARENT_NAME, Operator.EQ, "Reseller"),
                            List.of(SortKey.asc(CustomerTypeField.NAME)), Paging.firstPage(100))));
            println.accept(children.total() + " child: " + children.items().get(0).type().name().value());
        }
        // README:end
        assertEquals(List.of("Customer type 1 cannot be deactivated while it has active children [2]",
                "1 child: Value-added reseller"), printed);
    }

    @Test
    void theReadmeShowsThisExampleVerbatim() throws IOException {
        Path root = Path.of(System.getProperty("project.root", ".."));
        String source = Files.readString(Path.of("src/test/java/io/customerclassification/bootstrap/EmbeddedExampleTest.java"),
                StandardCharsets.UTF_8);
        String snippet = source.substring(source.indexOf("// README:start") + "// README:start".length(),
                source.indexOf("        // README:end"));
        String readme = Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8);
        String expected = snippet.strip().lines()
                .map(line -> line.startsWith("        ") ? line.substring(8) : line)
                .collect(java.util.stream.Collectors.joining("\n"))
                .replace("println.accept(", "System.out.println(");
        assertTrue(readme.contains(expected), "README.md must show the embedded example exactly as this test runs it:\n"
                + expected);
    }

    private static final Caller SYSTEM = Caller.system(null);

    @Test
    void severalUseCasesInOneTransactionKeepAllOrNothing() {
        try (CustomerClassification app = CustomerClassification.open(folder.resolve("atomic.db"))) {
            CompanyId company = CompanyId.DEFAULT;
            assertThrows(io.customerclassification.domain.customerprofile.DuplicateCustomerProfileNameException.class,
                    () -> app.inTransaction(() -> {
                        app.createCustomerProfile(new CreateCustomerProfileCommand(SYSTEM, company,
                                Name.of("Gold"), false));
                        app.createCustomerProfile(new CreateCustomerProfileCommand(SYSTEM, company,
                                Name.of("Silver"), false));
                        return app.createCustomerProfile(
                                new CreateCustomerProfileCommand(SYSTEM, company, Name.of("GOLD"), false));
                    }));
            assertEquals(0, app.listCustomerProfiles(new io.customerclassification.application.port.in
                    .customerprofile.ListCustomerProfilesQuery(SYSTEM, company,
                            Criteria.all(Paging.firstPage(10)))).total(),
                    "a failed unit leaves nothing behind");

            app.inTransaction(() -> {
                app.createCustomerProfile(new CreateCustomerProfileCommand(SYSTEM, company, Name.of("Gold"), false));
                return app.createCustomerProfile(new CreateCustomerProfileCommand(SYSTEM, company,
                        Name.of("Silver"), false));
            });
            assertEquals(2, app.listCustomerProfiles(new io.customerclassification.application.port.in
                    .customerprofile.ListCustomerProfilesQuery(SYSTEM, company,
                            Criteria.all(Paging.firstPage(10)))).total());
        }
    }

    @Test
    void aDatabaseThatCannotBeCreatedIsReportedWithTheReason() throws IOException {
        Path notAFolder = Files.writeString(folder.resolve("file"), "x");
        var e = assertThrows(io.customerclassification.adapter.jdbi.DatabaseUnavailableException.class,
                () -> CustomerClassification.open(notAFolder.resolve("x.db")));
        assertTrue(e.getMessage().contains("cannot create the folder of the database"), e.getMessage());
    }
}
