package io.customerclassification.domain.customertype;

import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.ConflictException;
import io.customerclassification.domain.shared.Name;

/** Another customer type of the company already has this id (name), compared case-insensitively. */
public final class DuplicateCustomerTypeNameException extends ConflictException {

    private final CompanyId companyId;
    private final Name name;

    public DuplicateCustomerTypeNameException(CompanyId companyId, Name name) {
        super("A customer type with id '" + name + "' already exists in company " + companyId);
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
