package io.customerclassification.application.model;

import io.customerclassification.domain.customertype.CustomerTypeKey;
import io.customerclassification.domain.shared.Name;
import java.util.Objects;

/** A customer type as a list names it: its key and its name, nothing else to read. */
public record CustomerTypeReference(CustomerTypeKey key, Name name) {

    public CustomerTypeReference {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
    }
}
