package io.customerclassification.domain.customerprofile;

import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.ConflictException;
import io.customerclassification.domain.shared.Name;

/** Another customer profile of the company already has this name (compared case-insensitively). */
public final class DuplicateCustomerProfileNameException extends ConflictException {

    private final CompanyId companyId;
    private final Name name;

    public DuplicateCustomerProfileNameException(CompanyId companyId, Name name) {
        super("A customer profile named '" + name + "' already exists in company " + companyId);
        this.companyId = companyId;
        this.name = name;
    }

    public CompanyId companyId() {
        return companyId;
    }

    public Name name() {
        return name;
    }
}
