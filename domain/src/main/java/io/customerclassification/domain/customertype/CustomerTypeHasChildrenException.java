package io.customerclassification.domain.customertype;

import io.customerclassification.domain.shared.RuleViolationException;
import java.util.List;

/** A customer type that has children cannot be deleted; delete or move the children first. */
public final class CustomerTypeHasChildrenException extends RuleViolationException {

    private final CustomerTypeKey key;
    private final List<CustomerTypeKey> childKeys;

    public CustomerTypeHasChildrenException(CustomerTypeKey key, List<CustomerTypeKey> childKeys) {
        super("Customer type " + key + " cannot be deleted while it has children " + childKeys);
        this.key = key;
        this.childKeys = List.copyOf(childKeys);
    }

    public CustomerTypeKey key() {
        return key;
    }

    public List<CustomerTypeKey> childKeys() {
        return childKeys;
    }
}
