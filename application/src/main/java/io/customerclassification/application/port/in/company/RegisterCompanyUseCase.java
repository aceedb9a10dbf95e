package io.customerclassification.application.port.in.company;

import io.customerclassification.domain.company.Company;

/**
 * For operators and embedding applications, and admin clients: there is no public create-company route on the
 * dialects (CONTRACT §0).
 */
public interface RegisterCompanyUseCase {

    /**
     * Registers the company, or leaves it as it is when one with the same id and name exists (for configuration
     * applied at every start).
     *
     * @throws io.customerclassification.domain.identity.AdminRequiredException unless the caller is an admin
     * @throws io.customerclassification.domain.company.CompanyAlreadyExistsException when the id is taken by a
     *     company with another name
     */
    Company registerCompany(RegisterCompanyCommand command);

    /**
     * Registers a new company.
     *
     * @throws io.customerclassification.domain.identity.AdminRequiredException unless the caller is an admin
     * @throws io.customerclassification.domain.company.CompanyAlreadyExistsException when the id is taken, whatever
     *     the name
     */
    Company addCompany(RegisterCompanyCommand command);
}
