package io.customerclassification.application.port.in.customertype;

import java.util.Optional;

/** A new place for a customer type: under the referenced parent, or at the root when {@code parent} is null. */
public record ParentChange(ParentReference parent) {

    private static final ParentChange TO_ROOT = new ParentChange(null);

    public static ParentChange toRoot() {
        return TO_ROOT;
    }

    public static ParentChange to(ParentReference parent) {
        return new ParentChange(java.util.Objects.requireNonNull(parent, "parent"));
    }

    public Optional<ParentReference> newParent() {
        return Optional.ofNullable(parent);
    }
}
