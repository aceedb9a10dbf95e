package io.customerclassification.application.port.in.customertype;

import io.customerclassification.domain.customertype.CustomerTypeKey;
import io.customerclassification.domain.shared.Name;
import java.util.Optional;

/**
 * Names a parent customer type by key, by name (the Intacct {@code id}), or both; with both, they must name
 * the same record.
 */
public record ParentReference(CustomerTypeKey key, Name name) {

    public ParentReference {
        if (key == null && name == null) {
            throw new IllegalArgumentException("a parent reference needs a key or a name");
        }
    }

    public static ParentReference byKey(CustomerTypeKey key) {
        return new ParentReference(key, null);
    }

    public static ParentReference byName(Name name) {
        return new ParentReference(null, name);
    }

    public Optional<CustomerTypeKey> byKey() {
        return Optional.ofNullable(key);
    }

    public Optional<Name> byName() {
        return Optional.ofNullable(name);
    }
}
