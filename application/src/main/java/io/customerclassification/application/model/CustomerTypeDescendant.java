package io.customerclassification.application.model;

import io.customerclassification.domain.customertype.CustomerTypeKey;
import io.customerclassification.domain.shared.Name;
import java.util.Objects;

/**
 * One type below another, as a subtree read names it: its key and name, its parent's key and name, and how many
 * levels below the type asked for it sits (1 for a child, 2 for a grandchild…).
 */
public record CustomerTypeDescendant(CustomerTypeKey key, Name name, CustomerTypeKey parentKey, Name parentName,
        int level) {

    public CustomerTypeDescendant {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(parentKey, "parentKey");
        Objects.requireNonNull(parentName, "parentName");
        if (level < 1) {
            throw new IllegalArgumentException("a descendant is at least one level below, was " + level);
        }
    }
}
