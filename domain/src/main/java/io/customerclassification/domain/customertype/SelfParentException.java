package io.customerclassification.domain.customertype;

import io.customerclassification.domain.shared.RuleViolationException;

/** A customer type cannot be its own parent. */
public final class SelfParentException extends RuleViolationException {

    private final CustomerTypeKey key;

    public SelfParentException(CustomerTypeKey key) {
        super("Customer type " + key + " cannot be its own parent");
        this.key = key;
    }

    public CustomerTypeKey key() {
        return key;
    }
}
