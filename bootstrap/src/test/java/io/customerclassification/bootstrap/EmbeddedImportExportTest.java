package io.customerclassification.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.port.in.company.RegisterCompanyCommand;
import io.customerclassification.application.port.in.customerprofile.CustomerProfileImportRow;
import io.customerclassification.application.port.in.customerprofile.ExportCustomerProfilesQuery;
import io.customerclassification.application.port.in.customerprofile.ImportCustomerProfilesCommand;
import io.customerclassification.application.port.in.customertype.CustomerTypeImportRow;
import io.customerclassification.application.port.in.customertype.ExportCustomerTypesQuery;
import io.customerclassification.application.port.in.customertype.ImportCustomerTypesCommand;
import io.customerclassification.application.port.in.dataimport.ImportMode;
import io.customerclassification.application.port.in.dataimport.ImportRejectedException;
import io.customerclassification.application.port.in.dataimport.ImportResult;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CONTRACT §3.3 in the embedded API over SQLite: export, import into another company, all or nothing. */
class EmbeddedImportExportTest {

    private static final Caller SYSTEM = Caller.system(null);

    private static final CompanyId C0 = CompanyId.DEFAULT;
    private static final CompanyId C3 = CompanyId.of(3);

    @TempDir
    Path folder;

    private static List<String> types(CustomerClassification app, CompanyId company) {
        List<String> rows = new ArrayList<>();
        app.exportCustomerTypes(new ExportCustomerTypesQuery(SYSTEM, company), row -> rows.add(row.name().value() + "<"
                + (row.parentName() == null ? "" : row.parentName().value()) + ":" + row.status()));
        return rows;
    }

    @Test
    void typesAndProfilesRoundTripIntoAnotherCompanyAndARefusedImportLeavesNoTrace() {
        try (CustomerClassification app = CustomerClassification.open(folder.resolve("classification.db"))) {
            app.registerCompany(new RegisterCompanyCommand(SYSTEM, C3, Name.of("Acme")));
            assertEquals(new ImportResult(4, 0), app.importCustomerTypes(new ImportCustomerTypesCommand(SYSTEM, C0, List.of(
                    new CustomerTypeImportRow("Gold North", "active", "Gold"),
                    new CustomerTypeImportRow("Gold", null, "Reseller"),
                    new CustomerTypeImportRow("Reseller", null, null),
                    new CustomerTypeImportRow("Retail", "inactive", null)), ImportMode.CREATE, false)));
            List<String> tree = List.of("Reseller<:ACTIVE", "Gold<Reseller:ACTIVE", "Gold North<Gold:ACTIVE",
                    "Retail<:INACTIVE");
            assertEquals(tree, types(app, C0));

            List<CustomerTypeImportRow> rows = new ArrayList<>();
            app.exportCustomerTypes(new ExportCustomerTypesQuery(SYSTEM, C0), row -> rows.add(new CustomerTypeImportRow(
                    row.name().value(), row.status().name(), row.parentName() == null ? null : row.parentName().value())));
            assertEquals(new ImportResult(4, 0),
                    app.importCustomerTypes(new ImportCustomerTypesCommand(SYSTEM, C3, rows, ImportMode.CREATE, false)));
            assertEquals(tree, types(app, C3));

            assertThrows(ImportRejectedException.class, () -> app.importCustomerTypes(new ImportCustomerTypesCommand(
                    SYSTEM, C3, List.of(new CustomerTypeImportRow("New", null, "Gold North"),
                            new CustomerTypeImportRow("reseller", "active", "Gold North")), ImportMode.UPSERT, false)));
            assertEquals(tree, types(app, C3), "the cycle through Reseller is refused whole: New is not created");
            assertEquals(new ImportResult(1, 1), app.importCustomerTypes(new ImportCustomerTypesCommand(SYSTEM, C3, List.of(
                    new CustomerTypeImportRow("New", null, null),
                    new CustomerTypeImportRow("gold north", "active", "new")), ImportMode.UPSERT, false)));
            assertEquals(List.of("Reseller<:ACTIVE", "Gold<Reseller:ACTIVE", "Retail<:INACTIVE", "New<:ACTIVE",
                    "Gold North<New:ACTIVE"), types(app, C3));

            assertEquals(new ImportResult(2, 0), app.importCustomerProfiles(new ImportCustomerProfilesCommand(SYSTEM, C0,
                    List.of(new CustomerProfileImportRow("Gold", "false"), new CustomerProfileImportRow("Old", "true")),
                    ImportMode.CREATE, false)));
            List<CustomerProfileImportRow> profiles = new ArrayList<>();
            app.exportCustomerProfiles(new ExportCustomerProfilesQuery(SYSTEM, C0), profile -> profiles.add(
                    new CustomerProfileImportRow(profile.name().value(), Boolean.toString(profile.archived()))));
            assertEquals(new ImportResult(2, 0), app.importCustomerProfiles(
                    new ImportCustomerProfilesCommand(SYSTEM, C3, profiles, ImportMode.CREATE, false)));
            List<String> copied = new ArrayList<>();
            app.exportCustomerProfiles(new ExportCustomerProfilesQuery(SYSTEM, C3),
                    profile -> copied.add(profile.name().value() + ":" + profile.archived()));
            assertEquals(List.of("Gold:false", "Old:true"), copied);
        }
    }
}
