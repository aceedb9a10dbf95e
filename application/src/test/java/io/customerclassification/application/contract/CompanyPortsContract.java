package io.customerclassification.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.domain.company.Company;
import io.customerclassification.domain.company.CompanyAlreadyExistsException;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code LoadCompanyPort} and {@code SaveCompanyPort}. */
public abstract class CompanyPortsContract extends PortContract {

    @Test
    void companyZeroAlwaysExists() {
        assertEquals(Company.DEFAULT, ports.loadCompany().loadCompany(C0).orElseThrow());
        assertEquals(List.of(Company.DEFAULT), ports.loadCompany().loadAllCompanies());
    }

    @Test
    void insertedCompaniesAreLoadedAndListedById() {
        Company ten = new Company(CompanyId.of(10), Name.of("Ten"));
        Company two = new Company(CompanyId.of(2), Name.of("Zwei \u00DF"));
        ports.saveCompany().insertCompany(ten);
        ports.saveCompany().insertCompany(two);
        assertEquals(two, ports.loadCompany().loadCompany(CompanyId.of(2)).orElseThrow());
        assertEquals(List.of(Company.DEFAULT, two, ten), ports.loadCompany().loadAllCompanies());
        assertTrue(ports.loadCompany().loadCompany(CompanyId.of(3)).isEmpty());
    }

    @Test
    void aTakenIdIsRefused() {
        assertThrows(CompanyAlreadyExistsException.class,
                () -> ports.saveCompany().insertCompany(new Company(C0, Name.of("Again"))));
    }
}
