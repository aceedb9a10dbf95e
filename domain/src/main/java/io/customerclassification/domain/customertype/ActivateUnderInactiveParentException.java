package io.customerclassification.domain.customertype;

import io.customerclassification.domain.shared.RuleViolationException;

/** A customer type cannot be activated while its parent (or an ancestor) is inactive. */
public final class ActivateUnderInactiveParentException extends RuleViolationException {

    private final CustomerTypeKey key;
    private final CustomerTypeKey inactiveKey;

    public ActivateUnderInactiveParentException(CustomerTypeKey key, CustomerTypeKey inactiveKey) {
        super("Inactive objects cannot be referenced: customer type " + key
                + " cannot be activated while " + inactiveKey + " above it is inactive");
        this.key = key;
        this.inactiveKey = inactiveKey;
    }

    public CustomerTypeKey key() {
        return key;
    }

    public CustomerTypeKey inactiveKey() {
        return inactiveKey;
    }
}
