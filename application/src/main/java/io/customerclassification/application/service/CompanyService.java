package io.customerclassification.application.service;

import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.port.in.company.GetCompanyQuery;
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
import java.util.List;

/**
 * Companies: registered by admins and operators, seen by whoever holds a grant on them. Every read checks the caller
 * first, so that a caller without a grant cannot tell whether a company exists.
 */
public final class CompanyService implements ListCompaniesUseCase, GetCompanyUseCase, RegisterCompanyUseCase {

    private final LoadCompanyPort loadCompanyPort;
    private final SaveCompanyPort saveCompanyPort;
    private final TransactionPort transactionPort;
    private final Authorization authorization = new Authorization();

    public CompanyService(
            LoadCompanyPort loadCompanyPort, SaveCompanyPort saveCompanyPort, TransactionPort transactionPort) {
        this.loadCompanyPort = loadCompanyPort;
        this.saveCompanyPort = saveCompanyPort;
        this.transactionPort = transactionPort;
    }

    @Override
    public List<Company> listCompanies(Caller caller) {
        return loadCompanyPort.loadAllCompanies().stream()
                .filter(company -> authorization.reaches(caller, company.id()))
                .toList();
    }

    @Override
    public List<Company> listAllCompanies(Caller caller) {
        authorization.requireAdmin(caller);
        return loadCompanyPort.loadAllCompanies();
    }

    @Override
    public Company getCompany(GetCompanyQuery query) {
        authorization.requireReach(query.caller(), query.companyId());
        return loadCompanyPort.loadCompany(query.companyId())
                .orElseThrow(() -> new CompanyNotFoundException(query.companyId()));
    }

    @Override
    public Company registerCompany(RegisterCompanyCommand command) {
        return register(command, true);
    }

    @Override
    public Company addCompany(RegisterCompanyCommand command) {
        return register(command, false);
    }

    private Company register(RegisterCompanyCommand command, boolean sameNameIsTheSame) {
        authorization.requireAdmin(command.caller());
        Company company = new Company(command.companyId(), command.name());
        return transactionPort.inTransaction(() -> {
            var existing = loadCompanyPort.loadCompany(company.id());
            if (existing.isPresent()) {
                if (!sameNameIsTheSame || !existing.get().name().value().equals(company.name().value())) {
                    throw new CompanyAlreadyExistsException(company.id());
                }
                return existing.get();
            }
            saveCompanyPort.insertCompany(company);
            return company;
        });
    }
}
