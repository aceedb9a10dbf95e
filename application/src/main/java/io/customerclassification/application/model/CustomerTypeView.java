package io.customerclassification.application.model;

import io.customerclassification.domain.customertype.CustomerType;
import io.customerclassification.domain.shared.Name;
import java.util.Objects;
import java.util.Optional;

/** A customer type as readers see it: the record and the name of its parent (the Intacct {@code parent.id}). */
public record CustomerTypeView(CustomerType type, Name parentName) {

    public CustomerTypeView {
        Objects.requireNonNull(type, "type");
        if ((parentName == null) != type.isRoot()) {
            throw new IllegalArgumentException("parentName must be given exactly when the type has a parent");
        }
    }

    public Optional<Name> parent() {
        return Optional.ofNullable(parentName);
    }
}
