package io.customerclassification.application.model;

import io.customerclassification.domain.customertype.CustomerTypeKey;
import io.customerclassification.domain.customertype.CustomerTypeStatus;
import io.customerclassification.domain.shared.Name;
import java.util.Objects;

/**
 * One customer type as an export lists it (CONTRACT §3.3): what an import needs to create it again — its name, its
 * status and its parent's name — and its key, which an import ignores.
 *
 * @param parentName the parent's name, or null for a root
 */
public record CustomerTypeExportRow(CustomerTypeKey key, Name name, CustomerTypeStatus status, Name parentName) {

    public CustomerTypeExportRow {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
    }
}
