package io.customerclassification.domain.customerprofile;

import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.NotFoundException;

/** No customer profile with this id exists in this company. */
public final class CustomerProfileNotFoundException extends NotFoundException {

    private final CompanyId companyId;
    private final CustomerProfileId id;

    public CustomerProfileNotFoundException(CompanyId companyId, CustomerProfileId id) {
        super("Customer profile " + id + " does not exist in company " + companyId);
        this.companyId = companyId;
        this.id = id;
    }

    public CompanyId companyId() {
        return companyId;
    }

    public CustomerProfileId id() {
        return id;
    }
}
