package io.customerclassification.application.port.in.company;

import io.customerclassification.domain.company.Company;

public interface GetCompanyUseCase {

    /**
     * @throws io.customerclassification.domain.identity.PermissionDeniedException unless the caller is the system or
     *     an admin, or holds some permission on the company (checked before whether it exists)
     * @throws io.customerclassification.domain.company.CompanyNotFoundException
     */
    Company getCompany(GetCompanyQuery query);
}
