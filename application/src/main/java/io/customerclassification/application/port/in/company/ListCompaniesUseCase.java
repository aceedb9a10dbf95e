package io.customerclassification.application.port.in.company;

import io.customerclassification.domain.company.Company;
import java.util.List;

public interface ListCompaniesUseCase {

    /** Every registered company, ordered by id. */
    List<Company> listCompanies();
}
