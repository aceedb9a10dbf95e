package io.customerclassification.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.inmemory.InMemoryApplication;
import io.customerclassification.application.port.in.customertype.CustomerTypeImportRow;
import io.customerclassification.application.port.in.customertype.ExportCustomerTypesQuery;
import io.customerclassification.application.port.in.customertype.ImportCustomerTypesCommand;
import io.customerclassification.application.port.in.dataimport.ImportField;
import io.customerclassification.application.port.in.dataimport.ImportMode;
import io.customerclassification.application.port.in.dataimport.ImportProblem;
import io.customerclassification.application.port.in.dataimport.ImportRejectedException;
import io.customerclassification.application.port.in.dataimport.ImportResult;
import io.customerclassification.domain.company.Company;
import io.customerclassification.domain.company.CompanyNotFoundException;
import io.customerclassification.domain.customertype.CustomerTypeHierarchyPolicy;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CONTRACT §3.3: importing customer types, all or nothing, the hierarchy checked for the result as a whole. */
class CustomerTypeImportTest {

    private static final Caller SYSTEM = Caller.system(null);

    private static final CompanyId C0 = CompanyId.DEFAULT;
    private static final CompanyId C3 = CompanyId.of(3);

    private final InMemoryApplication app = InMemoryApplication.create();
    private final CustomerTypeService types = app.types();

    CustomerTypeImportTest() {
        app.persistence().registerCompany(new Company(C3, Name.of("Acme")));
    }

    private static CustomerTypeImportRow row(String id, String status, String parentId) {
        return new CustomerTypeImportRow(id, status, parentId);
    }

    private ImportResult load(CompanyId company, ImportMode mode, boolean dryRun, CustomerTypeImportRow... rows) {
        return types.importCustomerTypes(new ImportCustomerTypesCommand(SYSTEM, company, List.of(rows), mode, dryRun));
    }

    private List<ImportProblem> refused(CompanyId company, ImportMode mode, CustomerTypeImportRow... rows) {
        List<String> before = exported(company);
        ImportRejectedException e = assertThrows(ImportRejectedException.class, () -> load(company, mode, false, rows));
        assertEquals(before, exported(company), "a refused import writes nothing");
        return e.problems();
    }

    /** {@code name<parent:status} in export order. */
    private List<String> exported(CompanyId company) {
        List<String> rows = new ArrayList<>();
        types.exportCustomerTypes(new ExportCustomerTypesQuery(SYSTEM, company), row -> rows.add(row.name().value() + "<"
                + (row.parentName() == null ? "" : row.parentName().value()) + ":" + row.status().name().charAt(0)));
        return rows;
    }

    @Test
    void aChildMayComeBeforeItsParentAndTheExportRoundTripsIntoAnotherCompany() {
        assertEquals(new ImportResult(5, 0), load(C0, ImportMode.CREATE, false,
                row("Gold North", "active", "Gold"), row("Gold", null, "reseller"), row("Reseller", "ACTIVE", ""),
                row("Retail", "inactive", null), row("Old retail", "inactive", "Retail")));
        List<String> tree = List.of("Reseller<:A", "Gold<Reseller:A", "Gold North<Gold:A", "Retail<:I",
                "Old retail<Retail:I");
        assertEquals(tree, exported(C0));
        List<CustomerTypeImportRow> again = new ArrayList<>();
        types.exportCustomerTypes(new ExportCustomerTypesQuery(SYSTEM, C0), row -> again.add(row(row.name().value(),
                row.status().name(), row.parentName() == null ? null : row.parentName().value())));
        assertEquals(new ImportResult(5, 0), types.importCustomerTypes(
                new ImportCustomerTypesCommand(SYSTEM, C3, again, ImportMode.CREATE, false)));
        assertEquals(tree, exported(C3));
    }

    @Test
    void everyProblemOfEveryRowIsReportedTogetherAndNothingIsWritten() {
        load(C0, ImportMode.CREATE, false, row("Existing", null, null));
        List<ImportProblem> problems = refused(C0, ImportMode.CREATE,
                row("Fine", null, null),
                row("", "active", null),
                row("existing", null, null),
                row("Fine", null, null),
                row("Bad status", "dormant", "Nowhere"),
                row(null, "maybe", " padded"));
        assertEquals(List.of(
                new ImportProblem(2, ImportField.NAME, "id must not be empty"),
                new ImportProblem(3, ImportField.NAME, "A customer type with id Existing already exists"),
                new ImportProblem(4, ImportField.NAME, "id Fine is also the id of row 1"),
                new ImportProblem(5, ImportField.STATUS, "status must be active or inactive"),
                new ImportProblem(5, ImportField.PARENT, "parentId names no row of the import and no type of the company"),
                new ImportProblem(6, ImportField.NAME, "id is required"),
                new ImportProblem(6, ImportField.STATUS, "status must be active or inactive"),
                new ImportProblem(6, ImportField.PARENT, "parentId must not start or end with whitespace")), problems);
    }

    @Test
    void aCycleWithinTheFileOrThroughAnUpsertIsRefusedOnEveryRowOfIt() {
        List<ImportProblem> problems = refused(C0, ImportMode.CREATE, row("A", null, "C"), row("B", null, "A"),
                row("C", null, "B"), row("Self", null, "self"));
        assertEquals(List.of("1 PARENT", "2 PARENT", "3 PARENT", "4 PARENT"),
                problems.stream().map(p -> p.row() + " " + p.field()).toList(), problems.toString());
        for (ImportProblem problem : problems.subList(0, 3)) {
            assertTrue(problem.message().matches("parentId makes a cycle: (A → C → B → A|C → B → A → C|B → A → C → B)"),
                    problem.message());
        }
        assertEquals("A customer type cannot be its own parent", problems.get(3).message());
        load(C0, ImportMode.CREATE, false, row("Top", null, null), row("Below", null, "Top"));
        List<ImportProblem> upsert = refused(C0, ImportMode.UPSERT, row("top", null, "Below"));
        assertEquals(1, upsert.size(), upsert.toString());
        assertEquals(ImportField.PARENT, upsert.get(0).field());
        assertTrue(upsert.get(0).message().matches("parentId makes a cycle: (Top → Below → Top|Below → Top → Below)"),
                upsert.get(0).message());
    }

    @Test
    void anActiveTypeUnderAnInactiveOneIsRefusedWhicheverSideTheFileChanges() {
        assertEquals(List.of(new ImportProblem(2, ImportField.PARENT,
                        "Active customer type Child cannot be under inactive parent Parent")),
                refused(C0, ImportMode.CREATE, row("Parent", "inactive", null), row("Child", "active", "Parent")));
        load(C0, ImportMode.CREATE, false, row("Parent", "active", null), row("Child", "active", "Parent"));
        assertEquals(List.of(new ImportProblem(1, ImportField.STATUS,
                        "Customer type Parent cannot be inactive: its child Child is active")),
                refused(C0, ImportMode.UPSERT, row("PARENT", "inactive", null)));
        assertEquals(new ImportResult(0, 2), load(C0, ImportMode.UPSERT, false,
                row("parent", "inactive", null), row("child", "inactive", "Parent")),
                "deactivating both at once is fine, child listed after its parent or not");
        assertEquals(List.of("Parent<:I", "Child<Parent:I"), exported(C0), "the stored spelling is kept");
    }

    @Test
    void theDepthLimitHoldsForTheResult() {
        List<CustomerTypeImportRow> chain = new ArrayList<>();
        for (int depth = CustomerTypeHierarchyPolicy.MAX_DEPTH; depth >= 1; depth--) {
            chain.add(row("Level " + depth, null, depth == 1 ? null : "Level " + (depth - 1)));
        }
        assertEquals(new ImportResult(64, 0), types.importCustomerTypes(
                new ImportCustomerTypesCommand(SYSTEM, C0, chain, ImportMode.CREATE, false)));
        List<ImportProblem> problems = refused(C0, ImportMode.CREATE, row("Level 65", null, "Level 64"));
        assertEquals(List.of(new ImportProblem(1, ImportField.PARENT,
                "Customer type Level 65 would be at depth 65; the hierarchy is at most 64 deep")), problems);
    }

    @Test
    void aStoredTypeMovedByARowTakesItsSubtreeAlongAndTheDepthLimitHoldsForItsDeepestNode() {
        List<CustomerTypeImportRow> chain = new ArrayList<>();
        for (int depth = 1; depth <= 60; depth++) {
            chain.add(row("Level " + depth, null, depth == 1 ? null : "Level " + (depth - 1)));
        }
        chain.add(row("Other", null, null));
        chain.add(row("Other 2", null, "Other"));
        chain.add(row("Other 3", null, "Other 2"));
        chain.add(row("Other 4", null, "Other 3"));
        chain.add(row("Other 5", null, "Other 4"));
        load(C0, ImportMode.CREATE, false, chain.toArray(CustomerTypeImportRow[]::new));
        assertEquals(List.of(new ImportProblem(1, ImportField.PARENT, "Customer type Other would be at depth 61 with 4"
                        + " levels below it; the hierarchy is at most 64 deep")),
                refused(C0, ImportMode.UPSERT, row("other", null, "Level 60")));
        assertEquals(new ImportResult(0, 1), load(C0, ImportMode.UPSERT, false, row("other 2", null, "Level 60")),
                "a subtree that still fits moves");
        assertEquals(List.of(new ImportProblem(2, ImportField.PARENT, "Customer type Level 1 would be at depth 2 with"
                        + " 63 levels below it; the hierarchy is at most 64 deep")),
                refused(C0, ImportMode.UPSERT, row("Fine", null, null), row("Level 1", null, "Other")),
                "Other 5 now sits at depth 64, 63 levels below Level 1");
    }

    @Test
    void aChainThroughStoredTypesThatRowsMoveIsFollowedToFindACycle() {
        load(C0, ImportMode.CREATE, false, row("Top", null, null), row("Mid", null, "Top"), row("Leaf", null, "Mid"),
                row("Elsewhere", null, null));
        List<ImportProblem> problems = refused(C0, ImportMode.UPSERT, row("New", null, "Leaf"), row("top", null, "New"));
        assertEquals(List.of("1 PARENT", "2 PARENT"), problems.stream().map(p -> p.row() + " " + p.field()).toList(),
                problems.toString());
        assertTrue(problems.get(0).message().contains("New → Leaf → Mid → Top → New"), problems.get(0).message());
        assertEquals(new ImportResult(1, 1), load(C0, ImportMode.UPSERT, false, row("New", null, "Leaf"),
                row("mid", null, "Elsewhere")));
        assertEquals(List.of("Top<:A", "Elsewhere<:A", "Mid<Elsewhere:A", "Leaf<Mid:A", "New<Leaf:A"), exported(C0));
    }

    @Test
    void deactivatingAStoredTypeIsRefusedForEachActiveChildThatStaysAndAllowedWhenTheRowsMoveThemAway() {
        load(C0, ImportMode.CREATE, false, row("Parent", null, null), row("One", null, "Parent"),
                row("Two", null, "Parent"), row("Three", "inactive", "Parent"), row("Shelter", null, null));
        assertEquals(List.of(
                        new ImportProblem(1, ImportField.STATUS, "Customer type Parent cannot be inactive: its child One is active"),
                        new ImportProblem(1, ImportField.STATUS, "Customer type Parent cannot be inactive: its child Two is active")),
                refused(C0, ImportMode.UPSERT, row("parent", "inactive", null)));
        assertEquals(new ImportResult(0, 3), load(C0, ImportMode.UPSERT, false, row("parent", "inactive", null),
                row("one", null, "Shelter"), row("two", "inactive", "Parent")));
    }

    @Test
    void aDryRunChecksEverythingAndWritesNothing() {
        assertEquals(new ImportResult(2, 0), load(C0, ImportMode.CREATE, true, row("A", null, null),
                row("B", null, "A")));
        assertEquals(List.of(), exported(C0));
        assertThrows(ImportRejectedException.class, () -> load(C0, ImportMode.CREATE, true, row("A", null, "B"),
                row("B", null, "A")));
    }

    @Test
    void upsertMovesAndReactivatesMatchedTypesCreatesTheRestAndCountsOnlyChanges() {
        load(C0, ImportMode.CREATE, false, row("A", null, null), row("B", null, null), row("C", "inactive", "B"));
        assertEquals(new ImportResult(1, 1), load(C0, ImportMode.UPSERT, false,
                row("c", "active", "new"), row("New", null, "A"), row("a", "active", null), row("b", null, null)));
        assertEquals(List.of("A<:A", "New<A:A", "C<New:A", "B<:A"), exported(C0));
        assertEquals(new ImportResult(0, 0), load(C0, ImportMode.UPSERT, false, row("C", "active", "New")),
                "importing what is there again changes nothing");
    }

    @Test
    void anUnknownCompanyIsRefusedBeforeAnyRow() {
        assertThrows(CompanyNotFoundException.class, () -> load(CompanyId.of(9), ImportMode.CREATE, false,
                row("", null, null)));
    }
}
