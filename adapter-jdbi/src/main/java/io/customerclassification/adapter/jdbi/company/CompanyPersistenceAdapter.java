package io.customerclassification.adapter.jdbi.company;

import io.customerclassification.adapter.jdbi.session.Constraint;
import io.customerclassification.adapter.jdbi.session.ConstraintViolation;
import io.customerclassification.adapter.jdbi.session.Session;
import io.customerclassification.application.port.out.company.LoadCompanyPort;
import io.customerclassification.application.port.out.company.SaveCompanyPort;
import io.customerclassification.domain.company.Company;
import io.customerclassification.domain.company.CompanyAlreadyExistsException;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Companies over SQL ({@link CompanyDao}). Every use case checks its company first, and a company, once committed,
 * never changes (there is no rename or delete), so committed ones are remembered; unknown ids, and reads inside a
 * write transaction (which may still roll back), always go to the database.
 */
public final class CompanyPersistenceAdapter implements LoadCompanyPort, SaveCompanyPort {

    private final Session session;
    private final Map<CompanyId, Company> committed = new ConcurrentHashMap<>();

    public CompanyPersistenceAdapter(Session session) {
        this.session = session;
    }

    @Override
    public Optional<Company> loadCompany(CompanyId id) {
        Company known = committed.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Company> company = session.read(jdbc -> jdbc.first(CompanyDao.BY_ID,
                row -> new Company(CompanyId.of(row.getLong(1)), Name.of(row.getString(2))), id.value()));
        if (company.isPresent() && !session.inWriteTransaction()) {
            committed.put(id, company.get());
        }
        return company;
    }

    @Override
    public List<Company> loadAllCompanies() {
        return session.read(jdbc -> jdbc.dao(CompanyDao.class, CompanyDao::all)).stream()
                .map(CompanyPersistenceAdapter::company).toList();
    }

    @Override
    public void insertCompany(Company company) {
        session.write(jdbc -> {
            try {
                jdbc.dao(CompanyDao.class, dao -> {
                    dao.insert(company.id().value(), company.name().value());
                    return null;
                });
                return null;
            } catch (ConstraintViolation e) {
                if (e.broke(Constraint.PRIMARY_KEY)) {
                    throw new CompanyAlreadyExistsException(company.id());
                }
                throw e;
            }
        });
    }

    private static Company company(CompanyDao.CompanyRow row) {
        return new Company(CompanyId.of(row.id()), Name.of(row.name()));
    }
}
