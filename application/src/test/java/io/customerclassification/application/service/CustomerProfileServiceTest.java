package io.customerclassification.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.application.inmemory.InMemoryApplication;
import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.port.in.company.GetCompanyQuery;
import io.customerclassification.application.port.in.company.RegisterCompanyCommand;
import io.customerclassification.application.port.in.customerprofile.CreateCustomerProfileCommand;
import io.customerclassification.application.port.in.customerprofile.DeleteCustomerProfileCommand;
import io.customerclassification.application.port.in.customerprofile.GetCustomerProfileQuery;
import io.customerclassification.application.port.in.customerprofile.ListCustomerProfilesQuery;
import io.customerclassification.application.port.in.customerprofile.UpdateCustomerProfileCommand;
import io.customerclassification.application.query.Comparison;
import io.customerclassification.application.query.Criteria;
import io.customerclassification.application.query.CustomerProfileField;
import io.customerclassification.application.query.CustomerTypeField;
import io.customerclassification.application.query.Filter;
import io.customerclassification.application.query.Operator;
import io.customerclassification.application.query.Paging;
import io.customerclassification.application.query.SortKey;
import io.customerclassification.domain.company.Company;
import io.customerclassification.domain.company.CompanyAlreadyExistsException;
import io.customerclassification.domain.company.CompanyNotFoundException;
import io.customerclassification.domain.customerprofile.CustomerProfile;
import io.customerclassification.domain.customerprofile.CustomerProfileId;
import io.customerclassification.domain.customerprofile.CustomerProfileNotFoundException;
import io.customerclassification.domain.customerprofile.DuplicateCustomerProfileNameException;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import io.customerclassification.domain.shared.StaleVersionException;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomerProfileServiceTest {

    private static final Caller SYSTEM = Caller.system(null);

    private static final CompanyId C0 = CompanyId.DEFAULT;

    private final InMemoryApplication app = InMemoryApplication.create();
    private final CustomerProfileService profiles = app.profiles();

    private CustomerProfile create(CompanyId company, String name) {
        return profiles.createCustomerProfile(new CreateCustomerProfileCommand(SYSTEM, company, Name.of(name), false));
    }

    private CustomerProfile get(CustomerProfile profile) {
        return profiles.getCustomerProfile(new GetCustomerProfileQuery(SYSTEM, profile.companyId(), profile.id()));
    }

    @Test
    void createAssignsIncreasingIdsAndIsReadBack() {
        CustomerProfile gold = create(C0, "Gold");
        CustomerProfile silver = profiles.createCustomerProfile(
                new CreateCustomerProfileCommand(SYSTEM, C0, Name.of("Silver"), true));
        assertTrue(silver.id().compareTo(gold.id()) > 0);
        assertEquals(gold, get(gold));
        assertTrue(get(silver).archived());
    }

    @Test
    void namesAreUniquePerCompanyIgnoringCaseAndNormalisation() {
        create(C0, "Caf\u00E9");
        assertThrows(DuplicateCustomerProfileNameException.class, () -> create(C0, "CAFE\u0301"));
        app.companies().registerCompany(new RegisterCompanyCommand(SYSTEM, CompanyId.of(2), Name.of("Other")));
        create(CompanyId.of(2), "Caf\u00E9");
    }

    @Test
    void renameToItsOwnNameInAnotherCaseIsAllowedButNotToAnotherProfilesName() {
        CustomerProfile gold = create(C0, "Gold");
        create(C0, "Silver");
        CustomerProfile renamed = profiles.updateCustomerProfile(
                new UpdateCustomerProfileCommand(SYSTEM, C0, gold.id(), Name.of("GOLD"), null));
        assertEquals("GOLD", renamed.name().value());
        assertThrows(DuplicateCustomerProfileNameException.class, () -> profiles.updateCustomerProfile(
                new UpdateCustomerProfileCommand(SYSTEM, C0, gold.id(), Name.of("silver"), true)));
        assertEquals(renamed, get(gold), "a refused update changes nothing, not even the archived flag");
    }

    @Test
    void updateChangesOnlyWhatIsGiven() {
        CustomerProfile gold = create(C0, "Gold");
        CustomerProfile archived = profiles.updateCustomerProfile(
                new UpdateCustomerProfileCommand(SYSTEM, C0, gold.id(), null, true));
        assertEquals(Name.of("Gold"), archived.name());
        assertTrue(archived.archived());
        assertEquals(archived, profiles.updateCustomerProfile(
                new UpdateCustomerProfileCommand(SYSTEM, C0, gold.id(), null, null)));
    }

    @Test
    void companiesAreIsolated() {
        app.persistence().registerCompany(new Company(CompanyId.of(4), Name.of("Four")));
        CustomerProfile foreign = create(CompanyId.of(4), "Gold");
        assertThrows(CustomerProfileNotFoundException.class,
                () -> profiles.getCustomerProfile(new GetCustomerProfileQuery(SYSTEM, C0, foreign.id())));
        assertThrows(CustomerProfileNotFoundException.class, () -> profiles.updateCustomerProfile(
                new UpdateCustomerProfileCommand(SYSTEM, C0, foreign.id(), Name.of("X"), null)));
        assertThrows(CustomerProfileNotFoundException.class, () -> profiles.deleteCustomerProfile(
                new DeleteCustomerProfileCommand(SYSTEM, C0, foreign.id())));
        assertEquals(foreign, get(foreign));
    }

    @Test
    void unknownCompanyAndUnknownProfileAreRefused() {
        assertThrows(CompanyNotFoundException.class, () -> create(CompanyId.of(9), "Gold"));
        assertThrows(CompanyNotFoundException.class, () -> profiles.listCustomerProfiles(
                new ListCustomerProfilesQuery(SYSTEM, CompanyId.of(9), Criteria.all(Paging.of(0, 30)))));
        assertThrows(CustomerProfileNotFoundException.class,
                () -> profiles.getCustomerProfile(new GetCustomerProfileQuery(SYSTEM, C0, CustomerProfileId.of(1))));
    }

    @Test
    void deleteRemovesAndIdsAreNotReused() {
        CustomerProfile gold = create(C0, "Gold");
        profiles.deleteCustomerProfile(new DeleteCustomerProfileCommand(SYSTEM, C0, gold.id()));
        assertThrows(CustomerProfileNotFoundException.class, () -> get(gold));
        assertThrows(CustomerProfileNotFoundException.class,
                () -> profiles.deleteCustomerProfile(new DeleteCustomerProfileCommand(SYSTEM, C0, gold.id())));
        assertTrue(create(C0, "Gold").id().compareTo(gold.id()) > 0);
    }

    @Test
    void listFiltersSortsAndPages() {
        for (String name : List.of("Gold", "Silver", "Bronze", "Golden", "Platinum")) {
            create(C0, name);
        }
        var page = profiles.listCustomerProfiles(new ListCustomerProfilesQuery(SYSTEM, C0, new Criteria(
                Filter.or(Comparison.ignoringCase(CustomerProfileField.NAME, Operator.LIKE, "gold%"),
                        Comparison.of(CustomerProfileField.ID, Operator.GT, 4L)),
                List.of(SortKey.desc(CustomerProfileField.NAME)), Paging.of(1, 2))));
        assertEquals(3, page.total());
        assertEquals(List.of("Golden", "Gold"), page.items().stream().map(p -> p.name().value()).toList());
    }

    @Test
    void queriesOverAnotherAggregatesFieldsAreRefused() {
        var e = assertThrows(ConstraintViolationException.class, () -> new ListCustomerProfilesQuery(SYSTEM, C0,
                new Criteria(Comparison.of(CustomerTypeField.KEY, Operator.EQ, 1L), List.of(), Paging.of(0, 1))));
        assertTrue(e.getMessage().contains("customer profile fields"), e.getMessage());
        assertThrows(ConstraintViolationException.class, () -> new CreateCustomerProfileCommand(SYSTEM, C0,
                null, false));
    }

    @Test
    void companiesAreRegisteredOnceAndListedById() {
        app.companies().registerCompany(new RegisterCompanyCommand(SYSTEM, CompanyId.of(3), Name.of("Three")));
        app.companies().registerCompany(new RegisterCompanyCommand(SYSTEM, CompanyId.of(3), Name.of("Three")));
        assertThrows(CompanyAlreadyExistsException.class, () -> app.companies()
                .registerCompany(new RegisterCompanyCommand(SYSTEM, CompanyId.of(3), Name.of("Drei"))));
        assertEquals(List.of(Company.DEFAULT, new Company(CompanyId.of(3), Name.of("Three"))),
                app.companies().listCompanies(SYSTEM));
        assertThrows(CompanyNotFoundException.class,
                () -> app.companies().getCompany(new GetCompanyQuery(SYSTEM, CompanyId.of(8))));
    }

    @Test
    void everyWrittenChangeMovesTheVersionAndAChangeBasedOnAnOldOneIsRefused() {
        CustomerProfile gold = create(C0, "Gold");
        assertEquals(1, gold.version());
        CustomerProfile renamed = profiles.updateCustomerProfile(
                new UpdateCustomerProfileCommand(SYSTEM, C0, gold.id(), Name.of("Golden"), null, 1L));
        assertEquals(2, renamed.version());
        assertEquals(renamed, get(gold));
        assertEquals(2, profiles.updateCustomerProfile(
                new UpdateCustomerProfileCommand(SYSTEM, C0, gold.id(), Name.of("Golden"), false, 2L)).version(),
                "a change that changes nothing writes nothing, so the version stays");
        StaleVersionException stale = assertThrows(StaleVersionException.class, () -> profiles.updateCustomerProfile(
                new UpdateCustomerProfileCommand(SYSTEM, C0, gold.id(), Name.of("Platinum"), true, 1L)));
        assertEquals(2, stale.currentVersion());
        assertThrows(StaleVersionException.class, () -> profiles.deleteCustomerProfile(
                new DeleteCustomerProfileCommand(SYSTEM, C0, gold.id(), 1L)));
        assertEquals(renamed, get(gold), "nothing changed");
        assertThrows(CustomerProfileNotFoundException.class, () -> profiles.updateCustomerProfile(
                new UpdateCustomerProfileCommand(SYSTEM, C0, CustomerProfileId.of(99), null, true, 1L)));
        profiles.deleteCustomerProfile(new DeleteCustomerProfileCommand(SYSTEM, C0, gold.id(), 2L));
        assertThrows(CustomerProfileNotFoundException.class, () -> get(gold));
        assertThrows(ConstraintViolationException.class,
                () -> new UpdateCustomerProfileCommand(SYSTEM, C0, gold.id(), null, true, 0L));
    }
}
