package io.customerclassification.domain.customertype;

import io.customerclassification.domain.shared.RuleViolationException;

/** An active customer type cannot be created under an inactive parent: inactive objects cannot be referenced. */
public final class CreateUnderInactiveParentException extends RuleViolationException {

    private final CustomerTypeKey parentKey;
    private final CustomerTypeKey inactiveKey;

    public CreateUnderInactiveParentException(CustomerTypeKey parentKey, CustomerTypeKey inactiveKey) {
        super("Inactive objects cannot be referenced: customer type " + inactiveKey
                + " is inactive, so an active customer type cannot be created under " + parentKey);
        this.parentKey = parentKey;
        this.inactiveKey = inactiveKey;
    }

    public CustomerTypeKey parentKey() {
        return parentKey;
    }

    /** The inactive node on the parent's path (the parent itself, or one of its ancestors). */
    public CustomerTypeKey inactiveKey() {
        return inactiveKey;
    }
}
