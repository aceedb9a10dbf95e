package io.customerclassification.application.model;

import io.customerclassification.domain.customertype.CustomerTypeKey;
import io.customerclassification.domain.shared.Name;
import java.util.Objects;

/**
 * One type above another, as a path to the root names it: its key and name, and how many levels above the type
 * asked for it sits (1 for the parent, 2 for the grandparent…).
 */
public record CustomerTypeAncestor(CustomerTypeKey key, Name name, int level) {

    public CustomerTypeAncestor {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        if (level < 1) {
            throw new IllegalArgumentException("an ancestor is at least one level above, was " + level);
        }
    }
}
