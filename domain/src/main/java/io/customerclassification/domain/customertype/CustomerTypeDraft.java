package io.customerclassification.domain.customertype;

import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import java.util.Objects;

/** A customer type that has been checked by the policy but not stored yet, so has no key; stored, it is at version 1. */
public record CustomerTypeDraft(
        CompanyId companyId, Name name, CustomerTypeStatus status, CustomerTypeKey parentKey, Audit audit) {

    public CustomerTypeDraft {
        Objects.requireNonNull(companyId, "companyId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(audit, "audit");
    }

    public CustomerType withKey(CustomerTypeKey key) {
        return new CustomerType(key, companyId, name, status, parentKey, audit, 1);
    }
}
