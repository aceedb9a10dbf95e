package io.customerclassification.bootstrap.cli;

import io.customerclassification.application.port.in.company.RegisterCompanyCommand;
import io.customerclassification.bootstrap.CustomerClassification;
import io.customerclassification.domain.company.Company;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code companies …}: registering companies without a restart. */
@Command(name = "companies", description = "List and register companies.")
final class CompaniesCommand extends StoreCommand {

    @Command(name = "list", description = "Every company, by id.")
    int list(@Mixin Store store) {
        try (CustomerClassification app = open(store)) {
            for (Company company : app.listAllCompanies(OPERATOR)) {
                println(company.id() + " " + company.name());
            }
        }
        return 0;
    }

    @Command(name = "add", description = "Register a company; a running server serves it at once.")
    int add(@Mixin Store store, @Parameters(paramLabel = "ID") long id, @Parameters(paramLabel = "NAME") String name) {
        try (CustomerClassification app = open(store)) {
            Company company = app.addCompany(new RegisterCompanyCommand(OPERATOR, CompanyId.of(id), Name.of(name)));
            println("company " + company.id() + " " + company.name() + " registered");
        }
        return 0;
    }
}
