package io.customerclassification.domain.customerprofile;

import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import java.util.Objects;

/**
 * A flat per-company label (gold, silver, bronze…) saying how mature or risky a customer relationship is.
 * Immutable: every change returns a new instance.
 */
public record CustomerProfile(CustomerProfileId id, CompanyId companyId, Name name, boolean archived) {

    public CustomerProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(companyId, "companyId");
        Objects.requireNonNull(name, "name");
    }

    public CustomerProfile rename(Name newName) {
        return new CustomerProfile(id, companyId, Objects.requireNonNull(newName, "newName"), archived);
    }

    public CustomerProfile archive() {
        return new CustomerProfile(id, companyId, name, true);
    }

    public CustomerProfile unarchive() {
        return new CustomerProfile(id, companyId, name, false);
    }
}
