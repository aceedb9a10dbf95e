package io.customerclassification.domain.customertype;

import io.customerclassification.domain.shared.RuleViolationException;

/** Moving the node under the proposed parent would close a cycle: the parent is one of its descendants. */
public final class CustomerTypeCycleException extends RuleViolationException {

    private final CustomerTypeKey key;
    private final CustomerTypeKey proposedParentKey;

    public CustomerTypeCycleException(CustomerTypeKey key, CustomerTypeKey proposedParentKey) {
        super("Customer type " + proposedParentKey + " is a descendant of " + key + " and cannot become its parent");
        this.key = key;
        this.proposedParentKey = proposedParentKey;
    }

    public CustomerTypeKey key() {
        return key;
    }

    public CustomerTypeKey proposedParentKey() {
        return proposedParentKey;
    }
}
