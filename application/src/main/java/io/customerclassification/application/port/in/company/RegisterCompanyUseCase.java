package io.customerclassification.application.port.in.company;

import io.customerclassification.domain.company.Company;

/** For operators and embedding applications: there is no public create-company route (CONTRACT §0). */
public interface RegisterCompanyUseCase {

    /**
     * Registers the company, or leaves it as it is when one with the same id and name exists.
     *
     * @throws io.customerclassification.domain.company.CompanyAlreadyExistsException when the id is taken by a
     *     company with another name
     */
    Company registerCompany(RegisterCompanyCommand command);
}
