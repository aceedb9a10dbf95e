package io.customerclassification.domain.customertype;

import io.customerclassification.domain.shared.RuleViolationException;

/** An active customer type cannot be moved under an inactive parent: inactive objects cannot be referenced. */
public final class MoveUnderInactiveParentException extends RuleViolationException {

    private final CustomerTypeKey key;
    private final CustomerTypeKey parentKey;
    private final CustomerTypeKey inactiveKey;

    public MoveUnderInactiveParentException(CustomerTypeKey key, CustomerTypeKey parentKey, CustomerTypeKey inactiveKey) {
        super("Inactive objects cannot be referenced: customer type " + inactiveKey
                + " is inactive, so active customer type " + key + " cannot be moved under " + parentKey);
        this.key = key;
        this.parentKey = parentKey;
        this.inactiveKey = inactiveKey;
    }

    public CustomerTypeKey key() {
        return key;
    }

    public CustomerTypeKey parentKey() {
        return parentKey;
    }

    public CustomerTypeKey inactiveKey() {
        return inactiveKey;
    }
}
