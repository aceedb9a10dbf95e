package io.customerclassification.domain.customertype;

import io.customerclassification.domain.shared.RuleViolationException;
import java.util.List;

/** A customer type that still has active children cannot be deactivated. */
public final class DeactivateWithActiveChildrenException extends RuleViolationException {

    private final CustomerTypeKey key;
    private final List<CustomerTypeKey> activeChildKeys;

    public DeactivateWithActiveChildrenException(CustomerTypeKey key, List<CustomerTypeKey> activeChildKeys) {
        super("Customer type " + key + " cannot be deactivated while it has active children " + activeChildKeys);
        this.key = key;
        this.activeChildKeys = List.copyOf(activeChildKeys);
    }

    public CustomerTypeKey key() {
        return key;
    }

    public List<CustomerTypeKey> activeChildKeys() {
        return activeChildKeys;
    }
}
