package io.customerclassification.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.customerclassification.application.inmemory.InMemoryApplication;
import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.model.RecordedAnswer;
import io.customerclassification.application.port.in.customerprofile.CustomerProfileImportRow;
import io.customerclassification.application.port.in.customerprofile.ExportCustomerProfilesQuery;
import io.customerclassification.application.port.in.customerprofile.ImportCustomerProfilesCommand;
import io.customerclassification.application.port.in.customertype.CustomerTypeImportRow;
import io.customerclassification.application.port.in.customertype.ExportCustomerTypesQuery;
import io.customerclassification.application.port.in.customertype.ImportCustomerTypesCommand;
import io.customerclassification.application.port.in.customertype.ListCustomerTypeAncestorsQuery;
import io.customerclassification.application.port.in.dataimport.ImportMode;
import io.customerclassification.application.port.in.idempotency.IdempotentRequest;
import io.customerclassification.application.port.in.idempotency.RunIdempotentRequestCommand;
import io.customerclassification.application.port.in.company.GetCompanyQuery;
import io.customerclassification.application.port.in.company.RegisterCompanyCommand;
import io.customerclassification.application.port.in.customerprofile.CreateCustomerProfileCommand;
import io.customerclassification.application.port.in.customerprofile.DeleteCustomerProfileCommand;
import io.customerclassification.application.port.in.customerprofile.GetCustomerProfileQuery;
import io.customerclassification.application.port.in.customerprofile.ListCustomerProfilesQuery;
import io.customerclassification.application.port.in.customerprofile.UpdateCustomerProfileCommand;
import io.customerclassification.application.port.in.customertype.AggregateCustomerTypesQuery;
import io.customerclassification.application.port.in.customertype.CreateCustomerTypeCommand;
import io.customerclassification.application.port.in.customertype.DeleteCustomerTypeCommand;
import io.customerclassification.application.port.in.customertype.GetCustomerTypeQuery;
import io.customerclassification.application.port.in.customertype.ListCustomerTypeDescendantsQuery;
import io.customerclassification.application.port.in.customertype.ListCustomerTypesQuery;
import io.customerclassification.application.port.in.customertype.QueryCustomerTypesQuery;
import io.customerclassification.application.port.in.customertype.UpdateCustomerTypeCommand;
import io.customerclassification.application.query.AggregateFunction;
import io.customerclassification.application.query.Aggregation;
import io.customerclassification.application.query.Criteria;
import io.customerclassification.application.query.CustomerTypeField;
import io.customerclassification.application.query.Filter;
import io.customerclassification.application.query.Paging;
import io.customerclassification.domain.company.Company;
import io.customerclassification.domain.company.CompanyAlreadyExistsException;
import io.customerclassification.domain.company.CompanyNotFoundException;
import io.customerclassification.domain.customerprofile.CustomerProfileId;
import io.customerclassification.domain.customertype.CustomerTypeKey;
import io.customerclassification.domain.customertype.CustomerTypeStatus;
import io.customerclassification.domain.identity.AdminRequiredException;
import io.customerclassification.domain.identity.Client;
import io.customerclassification.domain.identity.ClientId;
import io.customerclassification.domain.identity.Grant;
import io.customerclassification.domain.identity.Permission;
import io.customerclassification.domain.identity.PermissionDeniedException;
import io.customerclassification.domain.identity.Resource;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.DomainException;
import io.customerclassification.domain.shared.Name;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every use case of the data checks the caller's permission for its company and resource before it reads anything:
 * without the permission it is refused even for a company or a record that does not exist (403 before 404), and
 * it changes nothing; with exactly that permission it is let through.
 */
class ServiceAuthorizationTest {

    private static final Caller SYSTEM = Caller.system(null);
    private static final CompanyId ONE = CompanyId.of(1);
    private static final CompanyId UNKNOWN = CompanyId.of(99);
    private static final CustomerProfileId NO_PROFILE = CustomerProfileId.of(12345);
    private static final CustomerTypeKey NO_TYPE = CustomerTypeKey.of(12345);

    private final InMemoryApplication app = InMemoryApplication.create();

    static Stream<Arguments> calls() {
        return Stream.of(
                call("create profile", Resource.CUSTOMER_PROFILE, Permission.ADD, (app, caller,
                        company) -> app.profiles()
                        .createCustomerProfile(new CreateCustomerProfileCommand(caller, company, Name.of("New"),
                                false))),
                call("get profile", Resource.CUSTOMER_PROFILE, Permission.VIEW, (app, caller, company) -> app.profiles()
                        .getCustomerProfile(new GetCustomerProfileQuery(caller, company, NO_PROFILE))),
                call("get profile to edit it", Resource.CUSTOMER_PROFILE, Permission.EDIT, (app, caller, company) ->
                        app.profiles().getCustomerProfile(
                                new GetCustomerProfileQuery(caller, company, NO_PROFILE, Permission.EDIT))),
                call("get profile to delete it", Resource.CUSTOMER_PROFILE, Permission.DELETE, (app, caller, company) ->
                        app.profiles().getCustomerProfile(
                                new GetCustomerProfileQuery(caller, company, NO_PROFILE, Permission.DELETE))),
                call("list profiles", Resource.CUSTOMER_PROFILE, Permission.LIST, (app, caller,
                        company) -> app.profiles()
                        .listCustomerProfiles(new ListCustomerProfilesQuery(caller, company,
                                Criteria.all(Paging.of(0, 5))))),
                call("update profile", Resource.CUSTOMER_PROFILE, Permission.EDIT, (app, caller,
                        company) -> app.profiles()
                        .updateCustomerProfile(new UpdateCustomerProfileCommand(caller, company, NO_PROFILE,
                                null, true))),
                call("delete profile", Resource.CUSTOMER_PROFILE, Permission.DELETE, (app, caller, company) ->
                        app.profiles().deleteCustomerProfile(new DeleteCustomerProfileCommand(caller, company,
                                NO_PROFILE))),
                call("create type", Resource.CUSTOMER_TYPE, Permission.ADD, (app, caller, company) -> app.types()
                        .createCustomerType(new CreateCustomerTypeCommand(caller, company, Name.of("New"),
                                CustomerTypeStatus.ACTIVE, null))),
                call("get type", Resource.CUSTOMER_TYPE, Permission.VIEW, (app, caller, company) -> app.types()
                        .getCustomerType(new GetCustomerTypeQuery(caller, company, NO_TYPE))),
                call("get type to edit it", Resource.CUSTOMER_TYPE, Permission.EDIT, (app, caller,
                        company) -> app.types()
                        .getCustomerType(new GetCustomerTypeQuery(caller, company, NO_TYPE, Permission.EDIT))),
                call("get type to delete it", Resource.CUSTOMER_TYPE, Permission.DELETE, (app, caller, company) ->
                        app.types().getCustomerType(new GetCustomerTypeQuery(caller, company, NO_TYPE,
                                Permission.DELETE))),
                call("list types", Resource.CUSTOMER_TYPE, Permission.LIST, (app, caller, company) -> app.types()
                        .listCustomerTypes(new ListCustomerTypesQuery(caller, company, Paging.of(0, 5)))),
                call("list type references", Resource.CUSTOMER_TYPE, Permission.LIST, (app, caller, company) ->
                        app.types().listCustomerTypeReferences(new ListCustomerTypesQuery(caller, company,
                                Paging.of(0, 5)))),
                call("update type", Resource.CUSTOMER_TYPE, Permission.EDIT, (app, caller, company) -> app.types()
                        .updateCustomerType(new UpdateCustomerTypeCommand(caller, company, NO_TYPE,
                                CustomerTypeStatus.INACTIVE, null))),
                call("delete type", Resource.CUSTOMER_TYPE, Permission.DELETE, (app, caller, company) -> app.types()
                        .deleteCustomerType(new DeleteCustomerTypeCommand(caller, company, NO_TYPE))),
                call("query types", Resource.CUSTOMER_TYPE, Permission.LIST, (app, caller, company) -> app.types()
                        .queryCustomerTypes(new QueryCustomerTypesQuery(caller, company,
                                Criteria.all(Paging.of(0, 5))))),
                call("aggregate types", Resource.CUSTOMER_TYPE, Permission.LIST, (app, caller, company) -> app.types()
                        .aggregateCustomerTypes(new AggregateCustomerTypesQuery(caller, company, Filter.all(),
                                List.of(new Aggregation(AggregateFunction.COUNT, CustomerTypeField.KEY))))),
                call("lineage of a type", Resource.CUSTOMER_TYPE, Permission.LIST, (app, caller, company) -> app.types()
                        .getCustomerTypeLineage(new GetCustomerTypeQuery(caller, company, NO_TYPE))),
                call("descendants of a type", Resource.CUSTOMER_TYPE, Permission.LIST, (app, caller, company) ->
                        app.types().listCustomerTypeDescendants(new ListCustomerTypeDescendantsQuery(caller, company,
                                NO_TYPE, Paging.of(0, 5)))),
                call("ancestors of a type", Resource.CUSTOMER_TYPE, Permission.LIST, (app, caller, company) ->
                        app.types().listCustomerTypeAncestors(new ListCustomerTypeAncestorsQuery(caller, company,
                                NO_TYPE))),
                call("export profiles", Resource.CUSTOMER_PROFILE, Permission.LIST, (app, caller, company) ->
                        app.profiles().exportCustomerProfiles(new ExportCustomerProfilesQuery(caller, company),
                                row -> { })),
                call("export types", Resource.CUSTOMER_TYPE, Permission.LIST, (app, caller, company) ->
                        app.types().exportCustomerTypes(new ExportCustomerTypesQuery(caller, company), row -> { })),
                call("import profiles", Resource.CUSTOMER_PROFILE, Permission.ADD, (app, caller, company) ->
                        app.profiles().importCustomerProfiles(new ImportCustomerProfilesCommand(caller, company,
                                List.of(new CustomerProfileImportRow("New", "false")), ImportMode.CREATE, false))),
                call("import types", Resource.CUSTOMER_TYPE, Permission.ADD, (app, caller, company) ->
                        app.types().importCustomerTypes(new ImportCustomerTypesCommand(caller, company,
                                List.of(new CustomerTypeImportRow("New", "active", null)), ImportMode.CREATE,
                                false))),
                call("POST with an idempotency key", Resource.CUSTOMER_PROFILE, Permission.ADD,
                        (app, caller, company) -> app.idempotency().runIdempotentRequest(
                                new RunIdempotentRequestCommand(caller, company, Resource.CUSTOMER_PROFILE,
                                        "k" + company.value(), new byte[] {1}),
                                new IdempotentRequest(() -> {
                                    app.profiles().createCustomerProfile(new CreateCustomerProfileCommand(caller,
                                            company, Name.of("New"), false));
                                    return new RecordedAnswer(201, Map.of(), new byte[0]);
                                }, refusal -> Optional.empty()))));
    }

    /** An upsert adds and edits: it needs both, and without either it reads and writes nothing. */
    @Test
    void anUpsertImportNeedsAddAndEdit() {
        registerOne();
        for (Resource resource : Resource.values()) {
            int before = typeCount() + profileCount();
            for (Permission missing : List.of(Permission.ADD, Permission.EDIT)) {
                Caller lacking = client(allBut(resource, missing), null);
                PermissionDeniedException denied = assertThrows(PermissionDeniedException.class,
                        () -> upsert(lacking, resource), resource + " without " + missing);
                assertEquals(missing, denied.permission());
            }
            assertEquals(before, typeCount() + profileCount(), "a refused import wrote nothing");
            upsert(client(List.of(Grant.on(ONE, resource, Set.of(Permission.ADD, Permission.EDIT))), null), resource);
        }
        assertEquals(1, typeCount());
        assertEquals(1, profileCount());
    }

    private void upsert(Caller caller, Resource resource) {
        if (resource == Resource.CUSTOMER_PROFILE) {
            app.profiles().importCustomerProfiles(new ImportCustomerProfilesCommand(caller, ONE,
                    List.of(new CustomerProfileImportRow("New", "false")), ImportMode.UPSERT, false));
        } else {
            app.types().importCustomerTypes(new ImportCustomerTypesCommand(caller, ONE,
                    List.of(new CustomerTypeImportRow("New", "active", null)), ImportMode.UPSERT, false));
        }
    }

    @Test
    void importsWriteTheCallerAsTheAuditUser() {
        registerOne();
        Caller alice = client(List.of(Grant.on(ONE, Resource.CUSTOMER_TYPE, EnumSet.allOf(Permission.class))), null);
        app.types().importCustomerTypes(new ImportCustomerTypesCommand(alice, ONE,
                List.of(new CustomerTypeImportRow("T", "active", null)), ImportMode.CREATE, false));
        Caller bob = Caller.client(new Client(ClientId.of("bob"), false, alice.grants()), null, null);
        app.types().importCustomerTypes(new ImportCustomerTypesCommand(bob, ONE,
                List.of(new CustomerTypeImportRow("T", "inactive", null)), ImportMode.UPSERT, false));
        var stored = app.types().listCustomerTypes(new ListCustomerTypesQuery(SYSTEM, ONE, Paging.of(0, 5)))
                .items().get(0).type();
        assertEquals("alice", stored.audit().createdBy());
        assertEquals("bob", stored.audit().modifiedBy());
    }

    @FunctionalInterface
    interface UseCaseCall {
        void run(InMemoryApplication app, Caller caller, CompanyId company);
    }

    private static Arguments call(String name, Resource resource, Permission permission, UseCaseCall call) {
        return Arguments.of(name, resource, permission, call);
    }

    private ServiceAuthorizationTest registerOne() {
        app.companies().registerCompany(new RegisterCompanyCommand(SYSTEM, ONE, Name.of("One")));
        return this;
    }

    private static Caller client(List<Grant> grants, CompanyId limit) {
        return Caller.client(new Client(ClientId.of("c"), false, grants), "alice", limit);
    }

    /** Every permission on both resources of company 1, but {@code missing} on {@code resource}. */
    private static List<Grant> allBut(Resource resource, Permission missing) {
        return Stream.of(Resource.values()).map(r -> Grant.on(ONE, r, r == resource
                ? EnumSet.complementOf(EnumSet.of(missing)) : EnumSet.allOf(Permission.class))).toList();
    }

    @ParameterizedTest(name = "{0} needs {2}")
    @MethodSource("calls")
    void withoutItsPermissionAUseCaseIsRefusedBeforeItLooksAnythingUp(String name, Resource resource,
            Permission permission, UseCaseCall call) {
        registerOne();
        int typesBefore = typeCount();
        Caller lacking = client(allBut(resource, permission), null);
        PermissionDeniedException denied = assertThrows(PermissionDeniedException.class,
                () -> call.run(app, lacking, ONE));
        assertEquals(permission, denied.permission());
        assertEquals(resource, denied.resource());
        Caller nowhere = client(List.of(Grant.on(ONE, resource, EnumSet.allOf(Permission.class))), null);
        assertThrows(PermissionDeniedException.class, () -> call.run(app, nowhere, UNKNOWN),
                "an unknown company is refused, not reported missing");
        Caller limited = client(List.of(Grant.onEveryCompany(resource, EnumSet.allOf(Permission.class))),
                CompanyId.of(2));
        assertEquals(PermissionDeniedException.Reason.OUTSIDE_TOKEN_COMPANY,
                assertThrows(PermissionDeniedException.class, () -> call.run(app, limited, ONE)).reason());
        assertEquals(typesBefore, typeCount(), "a refused call changed nothing");
        assertEquals(0, profileCount());
    }

    @ParameterizedTest(name = "{0} needs {2} only")
    @MethodSource("calls")
    void withExactlyItsPermissionAUseCaseGoesAhead(String name, Resource resource, Permission permission,
            UseCaseCall call) {
        registerOne();
        Caller exactly = client(List.of(Grant.on(ONE, resource, Set.of(permission))), null);
        try {
            call.run(app, exactly, ONE);
        } catch (PermissionDeniedException e) {
            fail(name + " was refused with only " + permission + ": " + e.getMessage());
        } catch (DomainException e) {
            // the record does not exist: the call got past the check
        }
        assertThrows(CompanyNotFoundException.class, () -> call.run(app,
                client(List.of(Grant.onEveryCompany(resource, Set.of(permission))), null), UNKNOWN),
                "past the check, an unknown company is reported");
    }

    @Test
    void theAuditUserIsTheCallers() {
        registerOne();
        Caller alice = client(List.of(Grant.on(ONE, Resource.CUSTOMER_TYPE, EnumSet.allOf(Permission.class))), null);
        var created = app.types().createCustomerType(new CreateCustomerTypeCommand(alice, ONE, Name.of("T"),
                CustomerTypeStatus.ACTIVE, null));
        assertEquals("alice", created.type().audit().createdBy());
        Caller apiKey = Caller.client(new Client(ClientId.of("etl"), false, alice.grants()), null, null);
        var updated = app.types().updateCustomerType(new UpdateCustomerTypeCommand(apiKey, ONE, created.type().key(),
                CustomerTypeStatus.INACTIVE, null));
        assertEquals("etl", updated.type().audit().modifiedBy(), "without a user, the client id");
        var bySystem = app.types().createCustomerType(new CreateCustomerTypeCommand(SYSTEM, ONE, Name.of("U"),
                CustomerTypeStatus.ACTIVE, null));
        assertEquals(null, bySystem.type().audit().createdBy());
    }

    @Test
    void companiesAreSeenThroughGrantsAndRegisteredByAdmins() {
        registerOne();
        app.companies().registerCompany(new RegisterCompanyCommand(SYSTEM, CompanyId.of(2), Name.of("Two")));
        Caller onOne = client(List.of(Grant.on(ONE, Resource.CUSTOMER_TYPE, Set.of(Permission.VIEW))), null);
        assertEquals(List.of(ONE), app.companies().listCompanies(onOne).stream().map(Company::id).toList());
        assertEquals(3, app.companies().listCompanies(SYSTEM).size());
        assertEquals(ONE, app.companies().getCompany(new GetCompanyQuery(onOne, ONE)).id());
        assertThrows(PermissionDeniedException.class,
                () -> app.companies().getCompany(new GetCompanyQuery(onOne, CompanyId.of(2))));
        assertThrows(PermissionDeniedException.class,
                () -> app.companies().getCompany(new GetCompanyQuery(onOne, UNKNOWN)), "403 before 404");
        Caller admin = Caller.client(new Client(ClientId.of("boss"), true, List.of()), null, null);
        assertThrows(CompanyNotFoundException.class, () -> app.companies().getCompany(new GetCompanyQuery(admin,
                UNKNOWN)));
        assertThrows(AdminRequiredException.class, () -> app.companies().addCompany(
                new RegisterCompanyCommand(onOne, CompanyId.of(5), Name.of("Five"))));
        app.companies().addCompany(new RegisterCompanyCommand(admin, CompanyId.of(5), Name.of("Five")));
        assertThrows(CompanyAlreadyExistsException.class, () -> app.companies().addCompany(
                new RegisterCompanyCommand(admin, CompanyId.of(5), Name.of("Five"))), "adding is strict");
        assertEquals(CompanyId.of(5), app.companies().registerCompany(
                new RegisterCompanyCommand(admin, CompanyId.of(5), Name.of("Five"))).id(), "registering is not");
        assertTrue(app.companies().listCompanies(admin).stream().anyMatch(c -> c.id().equals(CompanyId.of(5))));
        assertEquals(4, app.companies().listAllCompanies(admin).size());
        assertThrows(AdminRequiredException.class, () -> app.companies().listAllCompanies(onOne));
    }

    private int typeCount() {
        return (int) app.types().listCustomerTypes(new ListCustomerTypesQuery(SYSTEM, ONE, Paging.of(0, 100))).total();
    }

    private int profileCount() {
        return (int) app.profiles().listCustomerProfiles(new ListCustomerProfilesQuery(SYSTEM, ONE,
                Criteria.all(Paging.of(0, 100)))).total();
    }
}
