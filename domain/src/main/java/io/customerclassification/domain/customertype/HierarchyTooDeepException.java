package io.customerclassification.domain.customertype;

import io.customerclassification.domain.shared.RuleViolationException;
import java.util.Optional;

/** The change would put a node deeper than {@link CustomerTypeHierarchyPolicy#MAX_DEPTH} (a root has depth 1). */
public final class HierarchyTooDeepException extends RuleViolationException {

    private final CustomerTypeKey key;
    private final CustomerTypeKey parentKey;
    private final int resultingDepth;

    /** @param key the node being moved, or {@code null} for a node being created */
    public HierarchyTooDeepException(CustomerTypeKey key, CustomerTypeKey parentKey, int resultingDepth) {
        super("The hierarchy would be " + resultingDepth + " levels deep under customer type " + parentKey
                + "; at most " + CustomerTypeHierarchyPolicy.MAX_DEPTH + " are allowed");
        this.key = key;
        this.parentKey = parentKey;
        this.resultingDepth = resultingDepth;
    }

    public Optional<CustomerTypeKey> key() {
        return Optional.ofNullable(key);
    }

    public CustomerTypeKey parentKey() {
        return parentKey;
    }

    public int resultingDepth() {
        return resultingDepth;
    }
}
