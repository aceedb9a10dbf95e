package io.customerclassification.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.inmemory.InMemoryApplication;
import io.customerclassification.application.port.in.customerprofile.CustomerProfileImportRow;
import io.customerclassification.application.port.in.customerprofile.ExportCustomerProfilesQuery;
import io.customerclassification.application.port.in.customerprofile.ImportCustomerProfilesCommand;
import io.customerclassification.application.port.in.dataimport.ImportField;
import io.customerclassification.application.port.in.dataimport.ImportMode;
import io.customerclassification.application.port.in.dataimport.ImportProblem;
import io.customerclassification.application.port.in.dataimport.ImportRejectedException;
import io.customerclassification.application.port.in.dataimport.ImportResult;
import io.customerclassification.domain.shared.CompanyId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CONTRACT §3.3: importing customer profiles, all or nothing. */
class CustomerProfileImportTest {

    private static final Caller SYSTEM = Caller.system(null);

    private static final CompanyId C0 = CompanyId.DEFAULT;

    private final InMemoryApplication app = InMemoryApplication.create();
    private final CustomerProfileService profiles = app.profiles();

    private static CustomerProfileImportRow row(String name, String archived) {
        return new CustomerProfileImportRow(name, archived);
    }

    private ImportResult load(ImportMode mode, boolean dryRun, CustomerProfileImportRow... rows) {
        return profiles.importCustomerProfiles(new ImportCustomerProfilesCommand(SYSTEM, C0, List.of(rows), mode, dryRun));
    }

    private List<String> exported() {
        List<String> rows = new ArrayList<>();
        profiles.exportCustomerProfiles(new ExportCustomerProfilesQuery(SYSTEM, C0),
                profile -> rows.add(profile.name().value() + (profile.archived() ? " (archived)" : "")));
        return rows;
    }

    @Test
    void createsEveryRowAndRefusesAnExistingNameInCreateMode() {
        assertEquals(new ImportResult(3, 0), load(ImportMode.CREATE, false, row("Gold", "false"), row("Silver", "TRUE"),
                row("Bronze", null)));
        assertEquals(List.of("Gold", "Silver (archived)", "Bronze"), exported());
        ImportRejectedException e = assertThrows(ImportRejectedException.class,
                () -> load(ImportMode.CREATE, false, row("Platinum", ""), row("gold", "")));
        assertEquals(List.of(new ImportProblem(2, ImportField.NAME, "Name already exists")), e.problems());
        assertEquals(List.of("Gold", "Silver (archived)", "Bronze"), exported(), "nothing of a refused import");
    }

    @Test
    void everyProblemIsReportedWithItsRowAndField() {
        ImportRejectedException e = assertThrows(ImportRejectedException.class, () -> load(ImportMode.UPSERT, false,
                row("Gold", "yes"), row(null, null), row("GOLD", "false"), row("Tab\tName", "1")));
        assertEquals(List.of(
                new ImportProblem(1, ImportField.ARCHIVED, "Archived must be true or false"),
                new ImportProblem(2, ImportField.NAME, "Name is required"),
                new ImportProblem(3, ImportField.NAME, "Name is also the Name of row 1"),
                new ImportProblem(4, ImportField.NAME, "Name must not contain control characters"),
                new ImportProblem(4, ImportField.ARCHIVED, "Archived must be true or false")), e.problems());
        assertEquals(List.of(), exported());
    }

    @Test
    void upsertUpdatesArchivedKeepsTheStoredSpellingAndADryRunWritesNothing() {
        load(ImportMode.CREATE, false, row("Gold", null), row("Silver", null));
        assertEquals(new ImportResult(1, 1), load(ImportMode.UPSERT, true, row("GOLD", "true"), row("silver", "false"),
                row("Bronze", "false")));
        assertEquals(List.of("Gold", "Silver"), exported());
        assertEquals(new ImportResult(1, 1), load(ImportMode.UPSERT, false, row("GOLD", "true"), row("silver", "false"),
                row("Bronze", "false")));
        assertEquals(List.of("Gold (archived)", "Silver", "Bronze"), exported());
    }
}
