package io.customerclassification.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.application.query.Comparison;
import io.customerclassification.application.query.Criteria;
import io.customerclassification.application.query.CustomerProfileField;
import io.customerclassification.application.query.Filter;
import io.customerclassification.application.query.Operator;
import io.customerclassification.application.query.Paging;
import io.customerclassification.application.query.SortKey;
import io.customerclassification.domain.company.Company;
import io.customerclassification.domain.customerprofile.CustomerProfile;
import io.customerclassification.domain.customerprofile.CustomerProfileDraft;
import io.customerclassification.domain.customerprofile.CustomerProfileId;
import io.customerclassification.domain.customerprofile.CustomerProfileNotFoundException;
import io.customerclassification.domain.customerprofile.DuplicateCustomerProfileNameException;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The customer profile ports: load, save, delete, find and name-taken. */
public abstract class CustomerProfilePortsContract extends PortContract {

    @Test
    void insertAssignsFreshIdsThatAreNeverReused() {
        CustomerProfile gold = profile(C0, "Gold");
        CustomerProfile silver = profile(C0, "Silver");
        assertTrue(silver.id().compareTo(gold.id()) > 0);
        assertTrue(ports.deleteProfile().deleteCustomerProfile(C0, silver.id()));
        assertTrue(profile(C0, "Bronze").id().compareTo(silver.id()) > 0);
        assertEquals(gold, ports.loadProfile().loadCustomerProfile(C0, gold.id()).orElseThrow());
    }

    @Test
    void theStoreRefusesDuplicateNamesItself() {
        CustomerProfile gold = profile(C0, "Gold");
        profile(C0, "Silver");
        assertThrows(DuplicateCustomerProfileNameException.class, () -> profile(C0, "GOLD"));
        assertThrows(DuplicateCustomerProfileNameException.class,
                () -> ports.saveProfile().updateCustomerProfile(gold.rename(Name.of("silver"))));
        assertEquals(gold, ports.loadProfile().loadCustomerProfile(C0, gold.id()).orElseThrow());
    }

    @Test
    void updateReplacesStateAndRefusesMissingProfiles() {
        CustomerProfile gold = profile(C0, "Gold");
        CustomerProfile changed = gold.rename(Name.of("GOLD \u00E9")).archive();
        CustomerProfile stored = ports.saveProfile().updateCustomerProfile(changed);
        assertEquals(changed.atVersion(2), stored, "the version moves on by one with the change");
        assertEquals(stored, ports.loadProfile().loadCustomerProfile(C0, gold.id()).orElseThrow());
        assertEquals(3, ports.saveProfile().updateCustomerProfile(stored.unarchive()).version());
        CustomerProfile ghost = new CustomerProfile(CustomerProfileId.of(999), C0, Name.of("Ghost"), false, 1);
        assertThrows(CustomerProfileNotFoundException.class, () -> ports.saveProfile().updateCustomerProfile(ghost));
    }

    @Test
    void companiesAreIsolated() {
        ports.saveCompany().insertCompany(new Company(CompanyId.of(1), Name.of("One")));
        CustomerProfile mine = profile(C0, "Gold");
        CustomerProfile theirs = profile(CompanyId.of(1), "Gold");
        assertTrue(ports.loadProfile().loadCustomerProfile(CompanyId.of(1), mine.id()).isEmpty());
        assertFalse(ports.deleteProfile().deleteCustomerProfile(C0, theirs.id()));
        assertEquals(theirs, ports.loadProfile().loadCustomerProfile(CompanyId.of(1), theirs.id()).orElseThrow());
        assertEquals(1, ports.findProfiles().findCustomerProfiles(CompanyId.of(1), Criteria.all(Paging.of(0, 10))).total());
    }

    @Test
    void nameTakenIgnoresCaseNormalisationAndTheExceptedProfile() {
        CustomerProfile cafe = profile(C0, "Caf\u00E9");
        assertTrue(ports.profileNameTaken().isCustomerProfileNameTaken(C0, Name.of("CAFE\u0301"), null));
        assertFalse(ports.profileNameTaken().isCustomerProfileNameTaken(C0, Name.of("CAFE\u0301"), cafe.id()));
        assertFalse(ports.profileNameTaken().isCustomerProfileNameTaken(C0, Name.of("Cafe"), null));
    }

    @Test
    void findFiltersOrdersAndPagesWithTotals() {
        for (String name : List.of("Gold", "silver", "Bronze", "gold plus", "Platinum")) {
            profile(C0, name);
        }
        var page = ports.findProfiles().findCustomerProfiles(C0, new Criteria(
                Filter.not(Comparison.ignoringCase(CustomerProfileField.NAME, Operator.LIKE, "%plat%")),
                List.of(SortKey.asc(CustomerProfileField.NAME)), Paging.of(1, 2)));
        assertEquals(4, page.total());
        assertEquals(List.of("Gold", "gold plus"), page.items().stream().map(p -> p.name().value()).toList());
        var empty = ports.findProfiles().findCustomerProfiles(C0, new Criteria(
                Comparison.of(CustomerProfileField.ARCHIVED, Operator.EQ, true), List.of(), Paging.of(0, 10)));
        assertEquals(0, empty.total());
    }

    @Test
    void theExportListsEveryProfileOfTheCompanyById() {
        ports.saveCompany().insertCompany(new Company(CompanyId.of(1), Name.of("One")));
        CustomerProfile gold = profile(C0, "Gold");
        profile(CompanyId.of(1), "Elsewhere");
        CustomerProfile silver = ports.saveProfile().updateCustomerProfile(profile(C0, "Silver").archive());
        List<CustomerProfile> rows = new ArrayList<>();
        assertEquals(2, ports.exportProfiles().exportCustomerProfiles(C0, rows::add));
        assertEquals(List.of(gold, silver), rows);
        rows.clear();
        ports.saveCompany().insertCompany(new Company(CompanyId.of(2), Name.of("Two")));
        assertEquals(0, ports.exportProfiles().exportCustomerProfiles(CompanyId.of(2), rows::add));
        assertEquals(List.of(), rows);
    }

    /**
     * The export reads one snapshot: what is written while it runs — here after its first row, and past the first
     * batch a store's cursor may fetch — is not in it, however long the reader takes.
     */
    @Test
    void theExportReadsOneSnapshotWhateverIsWrittenWhileItRuns() {
        List<CustomerProfile> stored = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            stored.add(profile(C0, "P" + i));
        }
        List<CustomerProfile> rows = new ArrayList<>();
        ports.exportProfiles().exportCustomerProfiles(C0, row -> {
            if (rows.isEmpty()) {
                ports.transaction().inTransaction(() -> {
                    ports.deleteProfile().deleteCustomerProfile(C0, stored.get(stored.size() - 1).id());
                    ports.saveProfile().insertCustomerProfile(new CustomerProfileDraft(C0, Name.of("Later"), false));
                });
            }
            rows.add(row);
        });
        assertEquals(stored, rows);
        assertEquals(1_200, ports.findProfiles().findCustomerProfiles(C0, Criteria.all(Paging.of(0, 1))).total(),
                "the writes were made");
    }
}
