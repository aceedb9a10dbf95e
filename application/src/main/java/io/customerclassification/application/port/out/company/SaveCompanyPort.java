package io.customerclassification.application.port.out.company;

import io.customerclassification.domain.company.Company;

public interface SaveCompanyPort {

    /** @throws io.customerclassification.domain.company.CompanyAlreadyExistsException when the id is taken */
    void insertCompany(Company company);
}
