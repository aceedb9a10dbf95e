package io.customerclassification.domain.customertype;

import static io.customerclassification.domain.customertype.Nodes.active;
import static io.customerclassification.domain.customertype.Nodes.activeChain;
import static io.customerclassification.domain.customertype.Nodes.inactive;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CustomerTypeHierarchyPolicyTest {

    private final CustomerTypeHierarchyPolicy policy = new CustomerTypeHierarchyPolicy();

    private static CustomerTypeKey key(long value) {
        return CustomerTypeKey.of(value);
    }

    @Nested
    class Create {

        @Test
        void rootIsAllowedInEitherStatus() {
            Placement root = Placement.root();
            assertEquals(1, root.depthOfChild(), "a root is at depth 1");
            policy.checkCreate(CustomerTypeStatus.ACTIVE, root);
            policy.checkCreate(CustomerTypeStatus.INACTIVE, root);
        }

        @Test
        void depthExactly64IsAllowed() {
            Placement deepest = activeChain(100, 63);
            assertEquals(64, deepest.depthOfChild(), "the new type would sit at depth 64");
            policy.checkCreate(CustomerTypeStatus.ACTIVE, deepest);
        }

        @Test
        void depth65IsRefusedNamingParentAndDepth() {
            var e = assertThrows(HierarchyTooDeepException.class,
                    () -> policy.checkCreate(CustomerTypeStatus.ACTIVE, activeChain(100, 64)));
            assertEquals(key(100), e.parentKey());
            assertEquals(65, e.resultingDepth());
            assertEquals(Optional.empty(), e.key());
        }

        @Test
        void activeUnderInactiveParentIsRefused() {
            Placement under = Placement.under(inactive(2, 1L), List.of(inactive(1, null)));
            var e = assertThrows(CreateUnderInactiveParentException.class,
                    () -> policy.checkCreate(CustomerTypeStatus.ACTIVE, under));
            assertEquals(key(2), e.parentKey());
            assertEquals(key(2), e.inactiveKey());
            assertTrue(e.getMessage().startsWith("Inactive objects cannot be referenced"), e.getMessage());
        }

        @Test
        void activeUnderAnInactiveAncestorIsRefusedNamingTheNearestInactive() {
            Placement under = Placement.under(active(3, 2L), List.of(inactive(2, 1L), inactive(1, null)));
            var e = assertThrows(CreateUnderInactiveParentException.class,
                    () -> policy.checkCreate(CustomerTypeStatus.ACTIVE, under));
            assertEquals(key(3), e.parentKey());
            assertEquals(key(2), e.inactiveKey());
        }

        @Test
        void inactiveUnderInactiveParentIsAllowed() {
            Placement under = Placement.under(inactive(2, null), List.of());
            assertEquals(Optional.of(key(2)), under.firstInactive().map(CustomerType::key), "the parent is inactive");
            policy.checkCreate(CustomerTypeStatus.INACTIVE, under);
            assertThrows(CreateUnderInactiveParentException.class,
                    () -> policy.checkCreate(CustomerTypeStatus.ACTIVE, under), "only the new type's status differs");
        }
    }

    @Nested
    class Move {

        @Test
        void toItselfIsRefused() {
            CustomerType node = active(5, 1L);
            Placement target = Placement.under(node, List.of(active(1, null)));
            var e = assertThrows(SelfParentException.class,
                    () -> policy.checkMove(node, target, 1, CustomerTypeStatus.ACTIVE));
            assertEquals(key(5), e.key());
        }

        @Test
        void underADescendantIsACycle() {
            CustomerType node = active(1, null);
            // 4 → 3 → 2 → 1: moving 1 under 4 closes a cycle through a distant descendant.
            Placement target = Placement.under(active(4, 3L), List.of(active(3, 2L), active(2, 1L), node));
            var e = assertThrows(CustomerTypeCycleException.class,
                    () -> policy.checkMove(node, target, 4, CustomerTypeStatus.ACTIVE));
            assertEquals(key(1), e.key());
            assertEquals(key(4), e.proposedParentKey());
        }

        @Test
        void subtreeEndingExactlyAtDepth64IsAllowed() {
            CustomerType node = active(1, null);
            Placement target = activeChain(100, 60);
            assertEquals(61, target.depthOfChild(), "the moved type would sit at depth 61, its subtree's 4 levels end at 64");
            policy.checkMove(node, target, 4, CustomerTypeStatus.ACTIVE);
        }

        @Test
        void subtreeReachingDepth65IsRefused() {
            CustomerType node = active(1, null);
            var e = assertThrows(HierarchyTooDeepException.class,
                    () -> policy.checkMove(node, activeChain(100, 60), 5, CustomerTypeStatus.ACTIVE));
            assertEquals(Optional.of(key(1)), e.key());
            assertEquals(key(100), e.parentKey());
            assertEquals(65, e.resultingDepth());
        }

        @Test
        void toRootIsAllowed() {
            CustomerType child = active(5, 1L);
            assertEquals(key(1), child.parentKey(), "the type has a parent to leave");
            policy.checkMove(child, Placement.root(), 3, CustomerTypeStatus.ACTIVE);
        }

        @Test
        void activeUnderInactiveParentIsRefused() {
            CustomerType node = active(5, null);
            Placement target = Placement.under(inactive(2, null), List.of());
            var e = assertThrows(MoveUnderInactiveParentException.class,
                    () -> policy.checkMove(node, target, 1, CustomerTypeStatus.ACTIVE));
            assertEquals(key(5), e.key());
            assertEquals(key(2), e.parentKey());
            assertEquals(key(2), e.inactiveKey());
        }

        @Test
        void inactiveNodeUnderInactiveParentIsAllowed() {
            CustomerType node = inactive(5, null);
            Placement target = Placement.under(inactive(2, null), List.of());
            assertEquals(Optional.of(key(2)), target.firstInactive().map(CustomerType::key), "the parent is inactive");
            assertFalse(node.isActive());
            policy.checkMove(node, target, 1, CustomerTypeStatus.INACTIVE);
        }

        @Test
        void activeNodeDeactivatedInTheSameUpdateMayGoUnderAnInactiveParent() {
            CustomerType node = active(5, null);
            Placement target = Placement.under(inactive(2, null), List.of());
            policy.checkMove(node, target, 1, CustomerTypeStatus.INACTIVE);
            assertThrows(MoveUnderInactiveParentException.class,
                    () -> policy.checkMove(node, target, 1, CustomerTypeStatus.ACTIVE),
                    "the same move is refused when the node stays active");
        }

        @Test
        void subtreeHeightMustBePositive() {
            assertThrows(IllegalArgumentException.class,
                    () -> policy.checkMove(active(5, null), Placement.root(), 0, CustomerTypeStatus.ACTIVE));
        }
    }

    @Nested
    class StatusChange {

        @Test
        void deactivatingWithActiveChildrenIsRefusedListingThem() {
            CustomerType node = active(1, null);
            var e = assertThrows(DeactivateWithActiveChildrenException.class, () -> policy.checkStatusChange(
                    node, CustomerTypeStatus.INACTIVE, Placement.root(),
                    List.of(active(7, 1L), inactive(3, 1L), active(2, 1L))));
            assertEquals(key(1), e.key());
            assertEquals(List.of(key(2), key(7)), e.activeChildKeys());
        }

        @Test
        void deactivatingWhenAllChildrenAreInactiveIsAllowed() {
            List<CustomerType> children = List.of(inactive(2, 1L), inactive(3, 1L));
            assertTrue(children.stream().noneMatch(CustomerType::isActive));
            policy.checkStatusChange(active(1, null), CustomerTypeStatus.INACTIVE, Placement.root(), children);
            assertThrows(DeactivateWithActiveChildrenException.class, () -> policy.checkStatusChange(active(1, null),
                    CustomerTypeStatus.INACTIVE, Placement.root(), List.of(inactive(2, 1L), active(3, 1L))),
                    "one active child is enough to refuse it");
        }

        @Test
        void activatingUnderAnInactiveParentIsRefused() {
            CustomerType node = inactive(5, 2L);
            Placement placement = Placement.under(inactive(2, null), List.of());
            var e = assertThrows(ActivateUnderInactiveParentException.class,
                    () -> policy.checkStatusChange(node, CustomerTypeStatus.ACTIVE, placement, List.of()));
            assertEquals(key(5), e.key());
            assertEquals(key(2), e.inactiveKey());
        }

        @Test
        void reactivatingOnceTheParentIsActiveIsAllowed() {
            Placement placement = Placement.under(active(2, null), List.of());
            assertEquals(Optional.empty(), placement.firstInactive(), "nothing inactive above");
            policy.checkStatusChange(inactive(5, 2L), CustomerTypeStatus.ACTIVE, placement, List.of(inactive(6, 5L)));
        }

        @Test
        void keepingTheSameStatusIsAlwaysAllowed() {
            CustomerType node = inactive(5, 2L);
            Placement placement = Placement.under(inactive(2, null), List.of());
            List<CustomerType> children = List.of(active(6, 5L));
            policy.checkStatusChange(node, CustomerTypeStatus.INACTIVE, placement, children);
            assertThrows(ActivateUnderInactiveParentException.class,
                    () -> policy.checkStatusChange(node, CustomerTypeStatus.ACTIVE, placement, children),
                    "a change of status in the same place is refused");
        }
    }

    @Nested
    class Delete {

        @Test
        void withChildrenIsRefusedListingThem() {
            var e = assertThrows(CustomerTypeHasChildrenException.class,
                    () -> policy.checkDelete(active(1, null), List.of(active(3, 1L), inactive(2, 1L))));
            assertEquals(key(1), e.key());
            assertEquals(List.of(key(2), key(3)), e.childKeys());
        }

        @Test
        void leafIsAllowed() {
            policy.checkDelete(active(1, null), List.of());
            assertThrows(CustomerTypeHasChildrenException.class,
                    () -> policy.checkDelete(active(1, null), List.of(inactive(2, 1L))), "not so with a child");
        }
    }

    @Test
    void placementRefusesALineageThatIsNotAPath() {
        assertThrows(IllegalArgumentException.class,
                () -> new Placement(List.of(active(3, 2L), active(1, null))));
    }

    @Test
    void aTypeCannotBeBuiltAsItsOwnParent() {
        assertThrows(SelfParentException.class, () -> active(4, 4L));
    }
}
