package io.customerclassification.application.service;

import io.customerclassification.application.port.out.company.LoadCompanyPort;
import io.customerclassification.domain.company.CompanyNotFoundException;
import io.customerclassification.domain.shared.CompanyId;

/** Every use case starts by refusing a company that is not registered. */
final class CompanyGuard {

    private final LoadCompanyPort loadCompanyPort;

    CompanyGuard(LoadCompanyPort loadCompanyPort) {
        this.loadCompanyPort = loadCompanyPort;
    }

    void requireCompany(CompanyId companyId) {
        if (loadCompanyPort.loadCompany(companyId).isEmpty()) {
            throw new CompanyNotFoundException(companyId);
        }
    }
}
