package io.customerclassification.domain.customertype;

import java.util.List;
import java.util.Objects;

/**
 * Decides the hierarchy rules of CONTRACT §2 from the nodes the application loads for it: no self-parent,
 * no cycle, depth at most {@value #MAX_DEPTH}, an active node never below an inactive one (on create, move,
 * deactivate and activate), and no delete of a node that has children. Each refusal is its own exception.
 *
 * <p>The policy holds no state and reads nothing itself; it is only correct under concurrency when the
 * application loads its inputs and writes the outcome in one transaction.
 */
public final class CustomerTypeHierarchyPolicy {

    /** The deepest level a node may sit at; a root is at depth 1. */
    public static final int MAX_DEPTH = 64;

    /** Refuses a new node with {@code status} at {@code placement} when that would break a rule. */
    public void checkCreate(CustomerTypeStatus status, Placement placement) {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(placement, "placement");
        if (placement.depthOfChild() > MAX_DEPTH) {
            throw new HierarchyTooDeepException(null, placement.parentKey(), placement.depthOfChild());
        }
        if (status.isActive()) {
            placement.firstInactive().ifPresent(inactive -> {
                throw new CreateUnderInactiveParentException(placement.parentKey(), inactive.key());
            });
        }
    }

    /**
     * Refuses to move {@code node} (and its subtree) to {@code target}.
     *
     * @param subtreeHeight levels in the node's subtree, the node itself counted: 1 for a leaf
     * @param finalStatus the status the node will have once the whole update is applied
     */
    public void checkMove(CustomerType node, Placement target, int subtreeHeight, CustomerTypeStatus finalStatus) {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(finalStatus, "finalStatus");
        if (subtreeHeight < 1) {
            throw new IllegalArgumentException("subtreeHeight must be at least 1, was " + subtreeHeight);
        }
        if (node.key().equals(target.parentKey())) {
            throw new SelfParentException(node.key());
        }
        if (target.passesThrough(node.key())) {
            throw new CustomerTypeCycleException(node.key(), target.parentKey());
        }
        int deepest = target.depthOfChild() + subtreeHeight - 1;
        if (deepest > MAX_DEPTH) {
            throw new HierarchyTooDeepException(node.key(), target.parentKey(), deepest);
        }
        if (finalStatus.isActive()) {
            target.firstInactive().ifPresent(inactive -> {
                throw new MoveUnderInactiveParentException(node.key(), target.parentKey(), inactive.key());
            });
        }
    }

    /**
     * Refuses to give {@code node} the status {@code newStatus}.
     *
     * @param placement where the node will be once the whole update is applied
     * @param children the node's direct children
     */
    public void checkStatusChange(
            CustomerType node, CustomerTypeStatus newStatus, Placement placement, List<CustomerType> children) {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(newStatus, "newStatus");
        Objects.requireNonNull(placement, "placement");
        Objects.requireNonNull(children, "children");
        if (newStatus == node.status()) {
            return;
        }
        if (newStatus.isActive()) {
            placement.firstInactive().ifPresent(inactive -> {
                throw new ActivateUnderInactiveParentException(node.key(), inactive.key());
            });
        } else {
            List<CustomerTypeKey> activeChildren =
                    children.stream().filter(CustomerType::isActive).map(CustomerType::key).sorted().toList();
            if (!activeChildren.isEmpty()) {
                throw new DeactivateWithActiveChildrenException(node.key(), activeChildren);
            }
        }
    }

    /** Refuses to delete a node that still has children. */
    public void checkDelete(CustomerType node, List<CustomerType> children) {
        Objects.requireNonNull(node, "node");
        if (!children.isEmpty()) {
            throw new CustomerTypeHasChildrenException(
                    node.key(), children.stream().map(CustomerType::key).sorted().toList());
        }
    }
}
