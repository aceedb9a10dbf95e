package io.customerclassification.domain.company;

import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.ConflictException;

/** An operator tried to register a company id that is already registered. */
public final class CompanyAlreadyExistsException extends ConflictException {

    private final CompanyId companyId;

    public CompanyAlreadyExistsException(CompanyId companyId) {
        super("Company " + companyId + " already exists");
        this.companyId = companyId;
    }

    public CompanyId companyId() {
        return companyId;
    }
}
