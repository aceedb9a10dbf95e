package io.customerclassification.application.port.out.company;

import io.customerclassification.domain.company.Company;
import io.customerclassification.domain.shared.CompanyId;
import java.util.List;
import java.util.Optional;

public interface LoadCompanyPort {

    Optional<Company> loadCompany(CompanyId id);

    /** Every registered company, ordered by id. */
    List<Company> loadAllCompanies();
}
