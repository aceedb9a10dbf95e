package io.customerclassification.domain.customertype;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a node is, or would be, in the hierarchy: nowhere above it (a root), or under a parent whose path
 * to the root is known. {@code lineage} is that path, the parent first, then its parent, and so on up to
 * the root, as the application loaded it inside the transaction that makes the change.
 */
public record Placement(List<CustomerType> lineage) {

    private static final Placement ROOT = new Placement(List.of());

    public Placement {
        lineage = List.copyOf(Objects.requireNonNull(lineage, "lineage"));
        for (int i = 0; i + 1 < lineage.size(); i++) {
            CustomerType child = lineage.get(i);
            CustomerType parent = lineage.get(i + 1);
            if (!parent.key().equals(child.parentKey())) {
                throw new IllegalArgumentException("lineage is not a path: " + parent.key()
                        + " is not the parent of " + child.key());
            }
        }
    }

    public static Placement root() {
        return ROOT;
    }

    /**
     * @param parent the proposed parent
     * @param ancestorsOfParent the parent's ancestors, nearest first
     */
    public static Placement under(CustomerType parent, List<CustomerType> ancestorsOfParent) {
        Objects.requireNonNull(parent, "parent");
        var path = new java.util.ArrayList<CustomerType>(ancestorsOfParent.size() + 1);
        path.add(parent);
        path.addAll(ancestorsOfParent);
        return new Placement(path);
    }

    public boolean isRoot() {
        return lineage.isEmpty();
    }

    public Optional<CustomerType> parent() {
        return lineage.isEmpty() ? Optional.empty() : Optional.of(lineage.get(0));
    }

    /** The key of the parent, or {@code null} at the root. */
    public CustomerTypeKey parentKey() {
        return lineage.isEmpty() ? null : lineage.get(0).key();
    }

    /** The depth a direct child placed here has (a root has depth 1). */
    public int depthOfChild() {
        return lineage.size() + 1;
    }

    public boolean passesThrough(CustomerTypeKey key) {
        return lineage.stream().anyMatch(node -> node.key().equals(key));
    }

    /** The inactive node nearest to the placement on its path to the root, if there is one. */
    public Optional<CustomerType> firstInactive() {
        return lineage.stream().filter(node -> !node.isActive()).findFirst();
    }
}
