package io.customerclassification.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.application.inmemory.InMemoryApplication;
import io.customerclassification.application.model.CustomerTypeAncestor;
import io.customerclassification.application.model.CustomerTypeView;
import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.port.in.company.RegisterCompanyCommand;
import io.customerclassification.application.port.in.customertype.CreateCustomerTypeCommand;
import io.customerclassification.application.port.in.customertype.DeleteCustomerTypeCommand;
import io.customerclassification.application.port.in.customertype.GetCustomerTypeQuery;
import io.customerclassification.application.port.in.customertype.ListCustomerTypeAncestorsQuery;
import io.customerclassification.application.port.in.customertype.ListCustomerTypeDescendantsQuery;
import io.customerclassification.application.port.in.customertype.ListCustomerTypesQuery;
import io.customerclassification.application.port.in.customertype.ParentChange;
import io.customerclassification.application.port.in.customertype.ParentReference;
import io.customerclassification.application.port.in.customertype.UpdateCustomerTypeCommand;
import io.customerclassification.application.query.Paging;
import io.customerclassification.domain.company.Company;
import io.customerclassification.domain.company.CompanyNotFoundException;
import io.customerclassification.domain.customertype.ActivateUnderInactiveParentException;
import io.customerclassification.domain.customertype.CreateUnderInactiveParentException;
import io.customerclassification.domain.customertype.CustomerTypeCycleException;
import io.customerclassification.domain.customertype.CustomerTypeHasChildrenException;
import io.customerclassification.domain.customertype.CustomerTypeKey;
import io.customerclassification.domain.customertype.CustomerTypeNotFoundException;
import io.customerclassification.domain.customertype.CustomerTypeStatus;
import io.customerclassification.domain.customertype.DeactivateWithActiveChildrenException;
import io.customerclassification.domain.customertype.DuplicateCustomerTypeNameException;
import io.customerclassification.domain.customertype.HierarchyTooDeepException;
import io.customerclassification.domain.customertype.MoveUnderInactiveParentException;
import io.customerclassification.domain.customertype.ParentReferenceMismatchException;
import io.customerclassification.domain.customertype.SelfParentException;
import io.customerclassification.domain.customertype.UnknownParentException;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import io.customerclassification.domain.shared.StaleVersionException;
import jakarta.validation.ConstraintViolationException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CustomerTypeServiceTest {

    private static final Caller SYSTEM = Caller.system(null);
    private static final Caller ALICE = Caller.system("alice");

    private static final CompanyId C0 = CompanyId.DEFAULT;
    private static final Instant T0 = Instant.parse("2026-01-07T06:18:51Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final InMemoryApplication app = InMemoryApplication.create(clock);
    private final CustomerTypeService types = app.types();

    private CustomerTypeView create(String name, CustomerTypeStatus status, ParentReference parent) {
        return types.createCustomerType(new CreateCustomerTypeCommand(Caller.system("alice"), C0, Name.of(name),
                status, parent));
    }

    private CustomerTypeView root(String name) {
        return create(name, CustomerTypeStatus.ACTIVE, null);
    }

    private CustomerTypeView child(String name, CustomerTypeView parent) {
        return create(name, CustomerTypeStatus.ACTIVE, ParentReference.byKey(parent.type().key()));
    }

    private CustomerTypeView update(CustomerTypeView node, CustomerTypeStatus status, ParentChange parent) {
        return types.updateCustomerType(new UpdateCustomerTypeCommand(Caller.system("bob"), C0,
                node.type().key(), status, parent));
    }

    private CustomerTypeView reload(CustomerTypeView node) {
        return types.getCustomerType(new GetCustomerTypeQuery(SYSTEM, C0, node.type().key()));
    }

    @Test
    void createsRootsAndChildrenWithAuditAndParentName() {
        CustomerTypeView reseller = root("Reseller");
        CustomerTypeView gold = create("Gold reseller", CustomerTypeStatus.ACTIVE, ParentReference.byName(Name.of("RESELLER")));
        assertEquals(reseller.type().key(), gold.type().parentKey());
        assertEquals(Name.of("Reseller"), gold.parentName());
        assertEquals(T0, gold.type().audit().createdAt());
        assertEquals("alice", gold.type().audit().createdBy());
        assertEquals(gold, reload(gold));
    }

    @Test
    void parentByKeyAndNameMustAgree() {
        CustomerTypeView a = root("A");
        CustomerTypeView b = root("B");
        assertEquals(a.type().key(), create("C", CustomerTypeStatus.ACTIVE,
                new ParentReference(a.type().key(), Name.of("a"))).type().parentKey());
        var e = assertThrows(ParentReferenceMismatchException.class, () -> create("D", CustomerTypeStatus.ACTIVE,
                new ParentReference(a.type().key(), Name.of("B"))));
        assertEquals(b.type().key(), e.keyOfGivenName());
    }

    @Test
    void unknownParentIsRefusedByKeyAndByName() {
        assertThrows(UnknownParentException.class, () -> create("X", CustomerTypeStatus.ACTIVE,
                ParentReference.byKey(CustomerTypeKey.of(99))));
        assertThrows(UnknownParentException.class, () -> create("X", CustomerTypeStatus.ACTIVE,
                ParentReference.byName(Name.of("Nope"))));
    }

    @Test
    void parentsOfAnotherCompanyAreInvisible() {
        app.persistence().registerCompany(new Company(CompanyId.of(7), Name.of("Other")));
        CustomerTypeView foreign = types.createCustomerType(new CreateCustomerTypeCommand(SYSTEM,
                CompanyId.of(7), Name.of("Foreign"), CustomerTypeStatus.ACTIVE, null));
        assertThrows(UnknownParentException.class, () -> create("X", CustomerTypeStatus.ACTIVE,
                ParentReference.byKey(foreign.type().key())));
        assertThrows(CustomerTypeNotFoundException.class, () -> reload(foreign));
        root("Foreign");
    }

    @Test
    void duplicateNamesAreRefusedCaseInsensitively() {
        root("Caf\u00E9");
        assertThrows(DuplicateCustomerTypeNameException.class, () -> root("CAFE\u0301"));
    }

    @Test
    void unknownCompanyIsRefused() {
        assertThrows(CompanyNotFoundException.class,
                () -> types.createCustomerType(new CreateCustomerTypeCommand(SYSTEM,
                CompanyId.of(5), Name.of("X"), CustomerTypeStatus.ACTIVE, null)));
        assertThrows(CompanyNotFoundException.class,
                () -> types.listCustomerTypes(new ListCustomerTypesQuery(SYSTEM, CompanyId.of(5), Paging.of(0, 10))));
    }

    @Test
    void createUnderInactiveParentIsRefusedButInactiveChildIsAllowed() {
        CustomerTypeView parent = create("P", CustomerTypeStatus.INACTIVE, null);
        assertThrows(CreateUnderInactiveParentException.class, () -> child("C", parent));
        assertEquals(CustomerTypeStatus.INACTIVE, create("C", CustomerTypeStatus.INACTIVE,
                ParentReference.byKey(parent.type().key())).type().status());
    }

    @Test
    void movesUpdateParentAndAudit() {
        CustomerTypeView a = root("A");
        CustomerTypeView b = root("B");
        CustomerTypeView c = child("C", a);
        now.set(T0.plusSeconds(60));
        CustomerTypeView moved = update(c, null, ParentChange.to(ParentReference.byKey(b.type().key())));
        assertEquals(b.type().key(), moved.type().parentKey());
        assertEquals(Name.of("B"), moved.parentName());
        assertEquals(T0.plusSeconds(60), moved.type().audit().modifiedAt());
        assertEquals("bob", moved.type().audit().modifiedBy());
        assertEquals(moved, reload(c));
        CustomerTypeView rooted = update(c, null, ParentChange.toRoot());
        assertTrue(rooted.type().isRoot());
        assertNull(rooted.parentName());
    }

    @Test
    void anUpdateThatChangesNothingLeavesTheAuditAlone() {
        CustomerTypeView a = root("A");
        CustomerTypeView b = child("B", a);
        now.set(T0.plusSeconds(60));
        for (ParentChange same : java.util.Arrays.asList(null, ParentChange.to(ParentReference.byKey(a.type().key())),
                ParentChange.to(ParentReference.byName(Name.of("a"))))) {
            for (CustomerTypeStatus status : java.util.Arrays.asList(null, CustomerTypeStatus.ACTIVE)) {
                assertEquals(b, update(b, status, same), "status " + status + ", parent " + same);
                assertEquals(b, reload(b));
            }
        }
        assertEquals(a, update(a, null, ParentChange.toRoot()));
        assertEquals(a, reload(a));
        assertEquals(T0.plusSeconds(60), update(b, CustomerTypeStatus.INACTIVE, null).type().audit().modifiedAt(),
                "a real change still stamps the audit");
    }

    @Test
    void cyclesAndSelfParentsAreRefusedAndLeaveNoTrace() {
        CustomerTypeView a = root("A");
        CustomerTypeView b = child("B", a);
        CustomerTypeView c = child("C", b);
        assertThrows(CustomerTypeCycleException.class,
                () -> update(a, null, ParentChange.to(ParentReference.byKey(c.type().key()))));
        assertThrows(SelfParentException.class,
                () -> update(a, null, ParentChange.to(ParentReference.byName(Name.of("a")))));
        assertEquals(a, reload(a));
    }

    @Test
    void depthIsLimitedTo64IncludingTheMovedSubtree() {
        CustomerTypeView last = root("L1");
        for (int depth = 2; depth <= 64; depth++) {
            last = child("L" + depth, last);
        }
        CustomerTypeView deepest = last;
        assertThrows(HierarchyTooDeepException.class, () -> child("L65", deepest));

        CustomerTypeView other = root("O1");
        child("O2", other);
        CustomerTypeView at62 = reload(deepest);
        for (int i = 0; i < 2; i++) {
            at62 = types.getCustomerType(new GetCustomerTypeQuery(SYSTEM, C0, at62.type().parentKey()));
        }
        CustomerTypeView target = at62;
        // target is at depth 62: a subtree of height 2 fits exactly (ends at 64) ...
        update(other, null, ParentChange.to(ParentReference.byKey(target.type().key())));
        // ... but under depth 63 it would end at 65.
        CustomerTypeView at63 = types.getCustomerType(new GetCustomerTypeQuery(SYSTEM, C0, deepest.type().parentKey()));
        var e = assertThrows(HierarchyTooDeepException.class,
                () -> update(other, null, ParentChange.to(ParentReference.byKey(at63.type().key()))));
        assertEquals(65, e.resultingDepth());
    }

    @Test
    void statusRulesInAllDirections() {
        CustomerTypeView parent = root("P");
        CustomerTypeView kid = child("K", parent);
        assertThrows(DeactivateWithActiveChildrenException.class,
                () -> update(parent, CustomerTypeStatus.INACTIVE, null));
        update(kid, CustomerTypeStatus.INACTIVE, null);
        update(parent, CustomerTypeStatus.INACTIVE, null);
        assertThrows(ActivateUnderInactiveParentException.class, () -> update(kid, CustomerTypeStatus.ACTIVE, null));
        update(parent, CustomerTypeStatus.ACTIVE, null);
        assertEquals(CustomerTypeStatus.ACTIVE, update(kid, CustomerTypeStatus.ACTIVE, null).type().status());

        CustomerTypeView inactiveRoot = create("I", CustomerTypeStatus.INACTIVE, null);
        assertThrows(MoveUnderInactiveParentException.class,
                () -> update(kid, null, ParentChange.to(ParentReference.byKey(inactiveRoot.type().key()))));
        CustomerTypeView movedAndDeactivated = update(kid, CustomerTypeStatus.INACTIVE,
                ParentChange.to(ParentReference.byKey(inactiveRoot.type().key())));
        assertEquals(inactiveRoot.type().key(), movedAndDeactivated.type().parentKey());
        CustomerTypeView movedAndActivated = update(kid, CustomerTypeStatus.ACTIVE, ParentChange.toRoot());
        assertTrue(movedAndActivated.type().isActive() && movedAndActivated.type().isRoot());
    }

    @Test
    void deleteRefusesParentsAndUnknownKeys() {
        CustomerTypeView parent = root("P");
        CustomerTypeView kid = child("K", parent);
        var e = assertThrows(CustomerTypeHasChildrenException.class,
                () -> types.deleteCustomerType(new DeleteCustomerTypeCommand(SYSTEM, C0, parent.type().key())));
        assertEquals(List.of(kid.type().key()), e.childKeys());
        types.deleteCustomerType(new DeleteCustomerTypeCommand(SYSTEM, C0, kid.type().key()));
        types.deleteCustomerType(new DeleteCustomerTypeCommand(SYSTEM, C0, parent.type().key()));
        assertThrows(CustomerTypeNotFoundException.class,
                () -> types.deleteCustomerType(new DeleteCustomerTypeCommand(SYSTEM, C0, parent.type().key())));
        assertEquals(0, types.listCustomerTypes(new ListCustomerTypesQuery(SYSTEM, C0, Paging.of(0, 10))).total());
        assertEquals(CustomerTypeKey.of(3), root("New").type().key(), "keys are never reused");
    }

    @Test
    void lineageRunsFromTheRootToTheType() {
        CustomerTypeView a = root("A");
        CustomerTypeView b = child("B", a);
        CustomerTypeView c = child("C", b);
        assertEquals(List.of(a.type().key(), b.type().key(), c.type().key()),
                types.getCustomerTypeLineage(new GetCustomerTypeQuery(SYSTEM, C0, c.type().key())));
        assertEquals(List.of(a.type().key()), types.getCustomerTypeLineage(new GetCustomerTypeQuery(SYSTEM, C0,
                a.type().key())));
        assertThrows(CustomerTypeNotFoundException.class,
                () -> types.getCustomerTypeLineage(new GetCustomerTypeQuery(SYSTEM, C0, CustomerTypeKey.of(99))));
    }

    @Test
    void ancestorsRunFromTheParentUpToTheRootWithTheirLevels() {
        CustomerTypeView a = root("A");
        CustomerTypeView b = child("B", a);
        CustomerTypeView c = child("C", b);
        assertEquals(List.of(new CustomerTypeAncestor(b.type().key(), Name.of("B"), 1),
                        new CustomerTypeAncestor(a.type().key(), Name.of("A"), 2)),
                types.listCustomerTypeAncestors(new ListCustomerTypeAncestorsQuery(SYSTEM, C0, c.type().key())));
        assertEquals(List.of(), types.listCustomerTypeAncestors(new ListCustomerTypeAncestorsQuery(SYSTEM, C0, a.type().key())),
                "a root has none");
        assertThrows(CustomerTypeNotFoundException.class, () -> types.listCustomerTypeAncestors(
                new ListCustomerTypeAncestorsQuery(SYSTEM, C0, CustomerTypeKey.of(99))));
        assertThrows(CompanyNotFoundException.class, () -> types.listCustomerTypeAncestors(
                new ListCustomerTypeAncestorsQuery(SYSTEM, CompanyId.of(7), c.type().key())));
        app.companies().registerCompany(new RegisterCompanyCommand(SYSTEM, CompanyId.of(7), Name.of("Seven")));
        assertThrows(CustomerTypeNotFoundException.class, () -> types.listCustomerTypeAncestors(
                new ListCustomerTypeAncestorsQuery(SYSTEM, CompanyId.of(7), c.type().key())), "another company's type");
        assertThrows(ConstraintViolationException.class, () -> new ListCustomerTypeAncestorsQuery(SYSTEM, C0, null));
    }

    @Test
    void descendantsOfAKnownTypeInAKnownCompany() {
        CustomerTypeView a = root("A");
        CustomerTypeView b = child("B", a);
        CustomerTypeView c = child("C", b);
        var page = types.listCustomerTypeDescendants(new ListCustomerTypeDescendantsQuery(SYSTEM, C0, a.type().key(),
                Paging.of(0, 10)));
        assertEquals(2, page.total());
        assertEquals(List.of(b.type().key(), c.type().key()), page.items().stream().map(d -> d.key()).toList());
        assertEquals(List.of(1, 2), page.items().stream().map(d -> d.level()).toList());
        assertEquals(0, types.listCustomerTypeDescendants(new ListCustomerTypeDescendantsQuery(SYSTEM, C0,
                c.type().key(),
                Paging.of(0, 10))).total());
        assertThrows(CustomerTypeNotFoundException.class, () -> types.listCustomerTypeDescendants(
                new ListCustomerTypeDescendantsQuery(SYSTEM, C0, CustomerTypeKey.of(99), Paging.of(0, 10))));
        assertThrows(CompanyNotFoundException.class, () -> types.listCustomerTypeDescendants(
                new ListCustomerTypeDescendantsQuery(SYSTEM, CompanyId.of(7), a.type().key(), Paging.of(0, 10))));
        assertThrows(ConstraintViolationException.class,
                () -> new ListCustomerTypeDescendantsQuery(SYSTEM, C0, null, Paging.of(0, 10)));
    }

    @Test
    void listIsOrderedByKeyAndPaged() {
        for (String name : List.of("Zeta", "Alpha", "Mid")) {
            root(name);
        }
        var page = types.listCustomerTypes(new ListCustomerTypesQuery(SYSTEM, C0, Paging.of(1, 5)));
        assertEquals(3, page.total());
        assertEquals(List.of("Alpha", "Mid"), page.items().stream().map(v -> v.type().name().value()).toList());
    }

    @Test
    void commandsValidateThemselves() {
        var e = assertThrows(ConstraintViolationException.class,
                () -> new CreateCustomerTypeCommand(SYSTEM, C0, null, CustomerTypeStatus.ACTIVE, null));
        assertTrue(e.getMessage().contains("name"), e.getMessage());
        assertThrows(ConstraintViolationException.class,
                () -> new UpdateCustomerTypeCommand(Caller.system(""), C0, CustomerTypeKey.of(1), null, null));
        assertThrows(ConstraintViolationException.class, () -> new GetCustomerTypeQuery(SYSTEM, null,
                CustomerTypeKey.of(1)));
    }

    @Test
    void everyWrittenChangeMovesTheVersionAndAChangeBasedOnAnOldOneIsRefused() {
        CustomerTypeView a = root("A");
        CustomerTypeView b = root("B");
        CustomerTypeView leaf = child("Leaf", a);
        CustomerTypeKey key = leaf.type().key();
        CustomerTypeView moved = types.updateCustomerType(new UpdateCustomerTypeCommand(ALICE, C0, key, null,
                ParentChange.to(ParentReference.byKey(b.type().key())), 1L));
        assertEquals(2, moved.type().version());
        assertEquals(moved, types.getCustomerType(new GetCustomerTypeQuery(SYSTEM, C0, key)));
        assertEquals(2, types.updateCustomerType(new UpdateCustomerTypeCommand(ALICE, C0, key,
                CustomerTypeStatus.ACTIVE, null, 2L)).type().version(), "a change that changes nothing writes nothing");
        assertEquals(1, types.getCustomerType(new GetCustomerTypeQuery(SYSTEM, C0, b.type().key())).type().version(),
                "a child moved in is no change of the parent's own");
        assertThrows(StaleVersionException.class, () -> types.updateCustomerType(new UpdateCustomerTypeCommand(Caller.system("bob"),
                C0, key, CustomerTypeStatus.INACTIVE, null, 1L)));
        assertThrows(StaleVersionException.class,
                () -> types.deleteCustomerType(new DeleteCustomerTypeCommand(SYSTEM, C0, key, 1L)));
        assertEquals(moved, types.getCustomerType(new GetCustomerTypeQuery(SYSTEM, C0, key)), "nothing changed");
        types.deleteCustomerType(new DeleteCustomerTypeCommand(SYSTEM, C0, key, 2L));
        assertThrows(CustomerTypeNotFoundException.class, () -> types.getCustomerType(new GetCustomerTypeQuery(SYSTEM, C0,
                key)));
    }
}
