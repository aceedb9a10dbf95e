package io.customerclassification.application.port.in.company;

import io.customerclassification.domain.company.Company;
import io.customerclassification.domain.shared.CompanyId;

public interface GetCompanyUseCase {

    /** @throws io.customerclassification.domain.company.CompanyNotFoundException */
    Company getCompany(CompanyId id);
}
