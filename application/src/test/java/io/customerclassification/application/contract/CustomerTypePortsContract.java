package io.customerclassification.application.contract;

import java.util.Optional;
import io.customerclassification.application.model.CustomerTypeDescendant;
import io.customerclassification.application.model.CustomerTypeReference;
import io.customerclassification.application.model.CustomerTypeView;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.application.query.AggregateFunction;
import io.customerclassification.application.query.AggregateValue;
import io.customerclassification.application.query.Aggregation;
import io.customerclassification.application.query.Comparison;
import io.customerclassification.application.query.Criteria;
import io.customerclassification.application.query.CustomerTypeField;
import io.customerclassification.application.query.Filter;
import io.customerclassification.application.query.Operator;
import io.customerclassification.application.query.Page;
import io.customerclassification.application.query.Paging;
import io.customerclassification.application.query.SortKey;
import io.customerclassification.domain.company.Company;
import io.customerclassification.domain.customertype.CustomerType;
import io.customerclassification.domain.customertype.CustomerTypeHasChildrenException;
import io.customerclassification.domain.customertype.CustomerTypeHierarchyPolicy;
import io.customerclassification.domain.customertype.CustomerTypeKey;
import io.customerclassification.domain.customertype.CustomerTypeNotFoundException;
import io.customerclassification.domain.customertype.CustomerTypeStatus;
import io.customerclassification.domain.customertype.DuplicateCustomerTypeNameException;
import io.customerclassification.domain.customertype.UnknownParentException;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The customer type ports: load, save, delete, name-taken, find/aggregate and the hierarchy reads. */
public abstract class CustomerTypePortsContract extends PortContract {

    private List<Long> keys(List<CustomerType> types) {
        return types.stream().map(t -> t.key().value()).toList();
    }

    @Test
    void insertLoadsBackByKeyAndByFoldedName() {
        CustomerType reseller = active("Reseller", null);
        CustomerType child = active("Gold Reseller", reseller);
        assertEquals(child, ports.loadType().loadCustomerType(C0, child.key()).orElseThrow());
        assertEquals(reseller, ports.loadType().loadCustomerTypeByName(C0, Name.of("RESELLER")).orElseThrow());
        assertTrue(ports.typeNameTaken().isCustomerTypeNameTaken(C0, Name.of("gold reseller")));
        assertFalse(ports.typeNameTaken().isCustomerTypeNameTaken(C0, Name.of("Silver")));
    }

    @Test
    void theStoreRefusesDuplicatesForeignParentsAndDeletingParents() {
        CustomerType reseller = active("Reseller", null);
        assertThrows(DuplicateCustomerTypeNameException.class, () -> active("reseller", null));
        ports.saveCompany().insertCompany(new Company(CompanyId.of(1), Name.of("One")));
        assertThrows(UnknownParentException.class,
                () -> type(CompanyId.of(1), "Child", CustomerTypeStatus.ACTIVE, reseller));
        CustomerType child = active("Child", reseller);
        assertThrows(CustomerTypeHasChildrenException.class,
                () -> ports.deleteType().deleteCustomerType(C0, reseller.key()));
        assertTrue(ports.deleteType().deleteCustomerType(C0, child.key()));
        assertTrue(ports.deleteType().deleteCustomerType(C0, reseller.key()));
        assertFalse(ports.deleteType().deleteCustomerType(C0, reseller.key()));
    }

    @Test
    void updateReplacesStatusParentAndAudit() {
        CustomerType a = active("A", null);
        CustomerType b = active("B", null);
        CustomerType moved = b.moveTo(a.key(), T0.plusSeconds(5), "mover").withStatus(CustomerTypeStatus.INACTIVE, T0.plusSeconds(5), "mover");
        CustomerType stored = ports.saveType().updateCustomerType(moved);
        assertEquals(moved.atVersion(2), stored, "the version moves on by one with the change");
        assertEquals(stored, ports.loadType().loadCustomerType(C0, b.key()).orElseThrow());
        assertEquals(1, ports.loadType().loadCustomerType(C0, a.key()).orElseThrow().version(),
                "a child moved in changes nothing of the parent's own");
        assertThrows(UnknownParentException.class, () -> ports.saveType()
                .updateCustomerType(a.moveTo(CustomerTypeKey.of(999), T0, null)));
        CustomerType ghost = new io.customerclassification.domain.customertype.CustomerTypeDraft(C0, Name.of("Ghost"),
                CustomerTypeStatus.ACTIVE, null, a.audit()).withKey(CustomerTypeKey.of(999));
        assertThrows(CustomerTypeNotFoundException.class, () -> ports.saveType().updateCustomerType(ghost));
    }

    @Test
    void hierarchyReads() {
        CustomerType root = active("Root", null);
        CustomerType mid = active("Mid", root);
        CustomerType leaf = active("Leaf", mid);
        CustomerType sibling = active("Sibling", root);
        assertEquals(List.of(mid, root), ports.ancestors().loadAncestors(C0, leaf.key()));
        assertEquals(List.of(), ports.ancestors().loadAncestors(C0, root.key()));
        assertEquals(List.of(), ports.ancestors().loadAncestors(C0, CustomerTypeKey.of(999)));
        assertEquals(Optional.of(List.of(leaf, mid, root)), ports.ancestors().loadLineage(C0, leaf.key()));
        assertEquals(Optional.of(List.of(root)), ports.ancestors().loadLineage(C0, root.key()));
        assertEquals(Optional.empty(), ports.ancestors().loadLineage(C0, CustomerTypeKey.of(999)));
        ports.saveCompany().insertCompany(new Company(CompanyId.of(1), Name.of("One")));
        assertEquals(Optional.empty(), ports.ancestors().loadLineage(CompanyId.of(1), leaf.key()),
                "a type of another company is no type of this one");
        assertEquals(keys(List.of(mid, sibling)), keys(ports.children().loadChildren(C0, root.key())));
        assertEquals(3, ports.subtree().measureSubtreeHeight(C0, root.key()));
        assertEquals(1, ports.subtree().measureSubtreeHeight(C0, leaf.key()));
    }

    @Test
    void descendantsComeLevelByLevelAndByKeyWithinALevel() {
        CustomerType root = active("Root", null);
        CustomerType a = active("A", root);
        CustomerType b = active("B", root);
        CustomerType b1 = active("B1", b);
        CustomerType a1 = active("A1", a);
        CustomerType a2 = active("A2", a);
        CustomerType x = active("X", a1);
        active("Elsewhere", null);
        Page<CustomerTypeDescendant> all = ports.descendants().loadDescendants(C0, root.key(), Paging.of(0, 100));
        assertEquals(List.of(
                new CustomerTypeDescendant(a.key(), a.name(), root.key(), root.name(), 1),
                new CustomerTypeDescendant(b.key(), b.name(), root.key(), root.name(), 1),
                new CustomerTypeDescendant(b1.key(), b1.name(), b.key(), b.name(), 2),
                new CustomerTypeDescendant(a1.key(), a1.name(), a.key(), a.name(), 2),
                new CustomerTypeDescendant(a2.key(), a2.name(), a.key(), a.name(), 2),
                new CustomerTypeDescendant(x.key(), x.name(), a1.key(), a1.name(), 3)), all.items());
        assertEquals(6, all.total());

        Page<CustomerTypeDescendant> window = ports.descendants().loadDescendants(C0, root.key(), Paging.of(2, 2));
        assertEquals(List.of(b1.key(), a1.key()), window.items().stream().map(CustomerTypeDescendant::key).toList());
        assertEquals(6, window.total());
        assertEquals(new Page<>(List.of(), 6), ports.descendants().loadDescendants(C0, root.key(), Paging.of(0, 0)));
        assertEquals(new Page<>(List.of(), 6), ports.descendants().loadDescendants(C0, root.key(), Paging.of(6, 10)));
        assertEquals(List.of(x.key()), ports.descendants().loadDescendants(C0, a1.key(), Paging.of(0, 10)).items()
                .stream().map(CustomerTypeDescendant::key).toList());
        assertEquals(new Page<>(List.of(), 0), ports.descendants().loadDescendants(C0, x.key(), Paging.of(0, 10)));
        assertEquals(new Page<>(List.of(), 0),
                ports.descendants().loadDescendants(C0, CustomerTypeKey.of(999), Paging.of(0, 10)));
        ports.saveCompany().insertCompany(new Company(CompanyId.of(1), Name.of("One")));
        assertEquals(new Page<>(List.of(), 0),
                ports.descendants().loadDescendants(CompanyId.of(1), root.key(), Paging.of(0, 10)));
    }

    @Test
    void descendantsFollowAMoveAndADelete() {
        CustomerType left = active("Left", null);
        CustomerType right = active("Right", null);
        CustomerType child = active("Child", left);
        CustomerType grandchild = active("Grandchild", child);
        ports.saveType().updateCustomerType(child.moveTo(right.key(), T0.plusSeconds(1), null));
        assertEquals(0, ports.descendants().loadDescendants(C0, left.key(), Paging.of(0, 10)).total());
        assertEquals(List.of(child.key(), grandchild.key()), ports.descendants()
                .loadDescendants(C0, right.key(), Paging.of(0, 10)).items().stream()
                .map(CustomerTypeDescendant::key).toList());
        assertTrue(ports.deleteType().deleteCustomerType(C0, grandchild.key()));
        assertEquals(1, ports.descendants().loadDescendants(C0, right.key(), Paging.of(0, 10)).total());
    }

    @Test
    void aViewCarriesTheNameOfTheParent() {
        CustomerType root = active("Root", null);
        CustomerType child = active("Child", root);
        assertEquals(Optional.of(new CustomerTypeView(child, root.name())),
                ports.loadType().loadCustomerTypeView(C0, child.key()));
        assertEquals(Optional.of(new CustomerTypeView(root, null)), ports.loadType().loadCustomerTypeView(C0, root.key()));
        assertEquals(Optional.empty(), ports.loadType().loadCustomerTypeView(C0, CustomerTypeKey.of(999)));
        ports.saveCompany().insertCompany(new Company(CompanyId.of(1), Name.of("One")));
        assertEquals(Optional.empty(), ports.loadType().loadCustomerTypeView(CompanyId.of(1), child.key()));
    }

    @Test
    void aCycleInDamagedDataIsCutWhereAKeyRepeats() {
        CustomerType a = active("A", null);
        CustomerType b = active("B", a);
        CustomerType c = active("C", b);
        // the port does not judge a move (the service does): it can store a cycle, as damaged data may hold one
        ports.saveType().updateCustomerType(a.moveTo(c.key(), a.audit().modifiedAt(), null));
        assertEquals(keys(List.of(b, a)), keys(ports.ancestors().loadAncestors(C0, c.key())));
        // a cycle has no height: any answer from the levels counted once up to "deeper than allowed" will do, as
        // long as it comes
        int height = ports.subtree().measureSubtreeHeight(C0, a.key());
        assertTrue(height >= 3 && height <= CustomerTypeHierarchyPolicy.MAX_DEPTH + 1, "height " + height);
        // below a: b, then c, whose child a is where the walk started
        Page<CustomerTypeDescendant> below = ports.descendants().loadDescendants(C0, a.key(), Paging.of(0, 10));
        assertEquals(List.of(b.key(), c.key()), below.items().stream().map(CustomerTypeDescendant::key).toList());
        assertEquals(2, below.total());
    }

    @Test
    void deepChainsAreBoundedAt64Ancestors() {
        CustomerType last = active("N0", null);
        for (int i = 1; i <= 70; i++) {
            last = active("N" + i, last);
        }
        assertEquals(64, ports.ancestors().loadAncestors(C0, last.key()).size());
        CustomerType top = ports.loadType().loadCustomerTypeByName(C0, Name.of("N0")).orElseThrow();
        assertEquals(65, ports.subtree().measureSubtreeHeight(C0, top.key()), "counting stops one past 64");
        Page<CustomerTypeDescendant> below = ports.descendants().loadDescendants(C0, top.key(), Paging.of(0, 100));
        assertEquals(64, below.total(), "64 levels below at most");
        assertEquals(64, below.items().get(63).level());
        assertEquals("N64", below.items().get(63).name().value());
    }

    @Test
    void findReadsParentNamesFiltersAndAggregates() {
        CustomerType reseller = active("Reseller", null);
        active("Gold", reseller);
        type("Old", CustomerTypeStatus.INACTIVE, null);
        var page = ports.findTypes().findCustomerTypes(C0, new Criteria(
                Comparison.ignoringCase(CustomerTypeField.PARENT_NAME, Operator.EQ, "RESELLER"),
                List.of(SortKey.desc(CustomerTypeField.NAME)), Paging.of(0, 10)));
        assertEquals(1, page.total());
        assertEquals(Name.of("Reseller"), page.items().get(0).parentName());
        Aggregation count = new Aggregation(AggregateFunction.COUNT, CustomerTypeField.KEY);
        Aggregation min = new Aggregation(AggregateFunction.MIN, CustomerTypeField.STATUS);
        Aggregation max = new Aggregation(AggregateFunction.MAX, CustomerTypeField.NAME);
        assertEquals(List.of(new AggregateValue.Count(count, 3), new AggregateValue.Extreme(min, "active"),
                new AggregateValue.Extreme(max, "Reseller")),
                ports.findTypes().aggregateCustomerTypes(C0, Filter.all(), List.of(count, min, max)));
        assertEquals(new AggregateValue.Count(count, 1), ports.findTypes().aggregateCustomerTypes(C0,
                Comparison.of(CustomerTypeField.STATUS, Operator.EQ, "inactive"), List.of(count)).get(0));
    }

    @Test
    void referencesAreTheKeysAndNamesOfTheSamePageAsTheFullTypes() {
        CustomerType reseller = active("Reseller", null);
        active("Gold", reseller);
        type("Old", CustomerTypeStatus.INACTIVE, null);
        active("Zeta", reseller);
        active("Alpha", null);
        for (Paging paging : List.of(Paging.of(0, 10), Paging.of(0, 2), Paging.of(2, 2), Paging.of(4, 3),
                Paging.of(5, 3), Paging.of(0, 0))) {
            var views = ports.findTypes().findCustomerTypes(C0, Criteria.all(paging));
            var references = ports.findTypes().findCustomerTypeReferences(C0, paging);
            assertEquals(5, references.total(), paging.toString());
            assertEquals(views.total(), references.total(), paging.toString());
            assertEquals(views.items().stream()
                            .map(v -> new CustomerTypeReference(v.type().key(), v.type().name())).toList(),
                    references.items(), paging.toString());
        }
        assertEquals(List.of("Reseller", "Gold"), ports.findTypes().findCustomerTypeReferences(C0, Paging.of(0, 2))
                .items().stream().map(r -> r.name().value()).toList());
    }

    private List<String> exported(CompanyId company) {
        List<String> rows = new ArrayList<>();
        long count = ports.exportTypes().exportCustomerTypes(company, row -> rows.add(row.name().value() + "<"
                + (row.parentName() == null ? "" : row.parentName().value()) + ":" + row.status().name().charAt(0)
                + ":" + row.key()));
        assertEquals(rows.size(), count);
        return rows;
    }

    @Test
    void theExportListsEveryTypeInTreeOrderParentsFirst() {
        CustomerType a = active("A", null);
        CustomerType b = active("B", null);
        CustomerType c = active("C", a);
        type("D", CustomerTypeStatus.INACTIVE, b);
        active("E", c);
        CustomerType x = active("X", null);
        CustomerType y = active("Y", null);
        ports.saveType().updateCustomerType(x.moveTo(y.key(), T0, null));
        assertEquals(List.of("A<:A:1", "C<A:A:3", "E<C:A:5", "B<:A:2", "D<B:I:4", "Y<:A:7", "X<Y:A:6"),
                exported(C0), "each type before its subtree, children by key; X after its parent Y though older");
        ports.saveCompany().insertCompany(new Company(CompanyId.of(1), Name.of("One")));
        assertEquals(List.of(), exported(CompanyId.of(1)));
        type(CompanyId.of(1), "Only", CustomerTypeStatus.ACTIVE, null);
        assertEquals(List.of("Only<:A:8"), exported(CompanyId.of(1)));
    }

    @Test
    void theExportFindsEveryTypeAfterMovesAndDeletesChangeWhichTypesHaveChildren() {
        CustomerType a = active("A", null);
        CustomerType b = active("B", a);
        CustomerType c = active("C", null);
        CustomerType d = active("D", c);
        ports.saveType().updateCustomerType(d.moveTo(b.key(), T0, null));
        assertEquals(List.of("A<:A:1", "B<A:A:2", "D<B:A:4", "C<:A:3"), exported(C0),
                "a leaf that gains a child is walked into; one that loses its last child is not");
        CustomerType e = active("E", c);
        CustomerType f = active("F", e);
        assertTrue(ports.deleteType().deleteCustomerType(C0, f.key()));
        ports.saveType().updateCustomerType(b.moveTo(e.key(), T0, null));
        assertEquals(List.of("A<:A:1", "C<:A:3", "E<C:A:5", "B<E:A:2", "D<B:A:4"), exported(C0),
                "a type whose only child was deleted and then gains another is walked into again");
    }

    @Test
    void theExportReadsWideLevelsAndTheDeepestChainWhole() {
        CustomerType top = active("Top", null);
        for (int i = 0; i < 600; i++) {
            active(String.format("Child %03d", i), top);
        }
        CustomerType parent = top;
        for (int depth = 2; depth <= CustomerTypeHierarchyPolicy.MAX_DEPTH; depth++) {
            parent = active("Level " + depth, parent);
        }
        List<String> rows = exported(C0);
        assertEquals(1 + 600 + 63, rows.size());
        assertEquals("Top<:A:1", rows.get(0));
        assertEquals("Child 000<Top:A:2", rows.get(1));
        assertEquals("Child 599<Top:A:601", rows.get(600));
        assertEquals("Level 2<Top:A:602", rows.get(601));
        assertEquals("Level 64<Level 63:A:664", rows.get(663));
    }
}
