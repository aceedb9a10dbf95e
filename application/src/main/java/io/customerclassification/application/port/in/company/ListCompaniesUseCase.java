package io.customerclassification.application.port.in.company;

import io.customerclassification.application.port.in.Caller;
import io.customerclassification.domain.company.Company;
import java.util.List;

public interface ListCompaniesUseCase {

    /**
     * The registered companies the caller may see, ordered by id: every one for the system and for admins, else
     * those it holds some permission on.
     */
    List<Company> listCompanies(Caller caller);

    /**
     * Every registered company, ordered by id, for the administration.
     *
     * @throws io.customerclassification.domain.identity.AdminRequiredException unless the caller is an admin
     */
    List<Company> listAllCompanies(Caller caller);
}
