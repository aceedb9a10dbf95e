package io.customerclassification.application.service;

import io.customerclassification.application.port.in.company.GetCompanyUseCase;
import io.customerclassification.application.port.in.company.ListCompaniesUseCase;
import io.customerclassification.application.port.in.company.RegisterCompanyCommand;
import io.customerclassification.application.port.in.company.RegisterCompanyUseCase;
import io.customerclassification.application.port.out.TransactionPort;
import io.customerclassification.application.port.out.company.LoadCompanyPort;
import io.customerclassification.application.port.out.company.SaveCompanyPort;
import io.customerclassification.domain.company.Company;
import io.customerclassification.domain.company.CompanyAlreadyExistsException;
import io.customerclassification.domain.company.CompanyNotFoundException;
import io.customerclassification.domain.shared.CompanyId;
import java.util.List;

public final class CompanyService implements ListCompaniesUseCase, GetCompanyUseCase, RegisterCompanyUseCase {

    private final LoadCompanyPort loadCompanyPort;
    private final SaveCompanyPort saveCompanyPort;
    private final TransactionPort transactionPort;

    public CompanyService(
            LoadCompanyPort loadCompanyPort, SaveCompanyPort saveCompanyPort, TransactionPort transactionPort) {
        this.loadCompanyPort = loadCompanyPort;
        this.saveCompanyPort = saveCompanyPort;
        this.transactionPort = transactionPort;
    }

    @Override
    public List<Company> listCompanies() {
        return loadCompanyPort.loadAllCompanies();
    }

    @Override
    public Company getCompany(CompanyId id) {
        return loadCompanyPort.loadCompany(id).orElseThrow(() -> new CompanyNotFoundException(id));
    }

    @Override
    public Company registerCompany(RegisterCompanyCommand command) {
        Company company = new Company(command.companyId(), command.name());
        return transactionPort.inTransaction(() -> {
            var existing = loadCompanyPort.loadCompany(company.id());
            if (existing.isPresent()) {
                if (!existing.get().name().value().equals(company.name().value())) {
                    throw new CompanyAlreadyExistsException(company.id());
                }
                return existing.get();
            }
            saveCompanyPort.insertCompany(company);
            return company;
        });
    }
}
