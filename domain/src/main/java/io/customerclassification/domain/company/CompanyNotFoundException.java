package io.customerclassification.domain.company;

import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.NotFoundException;

/** The company a request is made for is not registered. */
public final class CompanyNotFoundException extends NotFoundException {

    private final CompanyId companyId;

    public CompanyNotFoundException(CompanyId companyId) {
        super("Company " + companyId + " does not exist");
        this.companyId = companyId;
    }

    public CompanyId companyId() {
        return companyId;
    }
}
