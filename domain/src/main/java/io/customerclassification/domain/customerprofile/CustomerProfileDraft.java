package io.customerclassification.domain.customerprofile;

import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import java.util.Objects;

/** A customer profile that has not been stored yet, so has no id; stored, it is at version 1. */
public record CustomerProfileDraft(CompanyId companyId, Name name, boolean archived) {

    public CustomerProfileDraft {
        Objects.requireNonNull(companyId, "companyId");
        Objects.requireNonNull(name, "name");
    }

    public CustomerProfile withId(CustomerProfileId id) {
        return new CustomerProfile(id, companyId, name, archived, 1);
    }
}
