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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Companies over SQL, and the one home of {@code company}'s SQL. Every use case checks its company first, and a
 * company, once committed, never changes (there is no rename or delete), so committed ones are remembered; unknown
 * ids, and reads inside a write transaction (which may still roll back), always go to the database.
 */
public final class CompanyPersistenceAdapter implements LoadCompanyPort, SaveCompanyPort {

    /** Id. */
    public static final String BY_ID = "SELECT id, name FROM company WHERE id = ?";
    public static final String ALL = "SELECT id, name FROM company ORDER BY id";
    /** Id, name. */
    public static final String INSERT = "INSERT INTO company (id, name) VALUES (?, ?)";

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
        Optional<Company> company = session.read(jdbc -> jdbc.first(BY_ID, CompanyPersistenceAdapter::read, id.value()));
        if (company.isPresent() && !session.inWriteTransaction()) {
            committed.put(id, company.get());
        }
        return company;
    }

    @Override
    public List<Company> loadAllCompanies() {
        return session.read(jdbc -> jdbc.list(ALL, List.of(), CompanyPersistenceAdapter::read));
    }

    @Override
    public void insertCompany(Company company) {
        session.write(jdbc -> {
            try {
                return jdbc.update(INSERT, company.id().value(), company.name().value());
            } catch (ConstraintViolation e) {
                if (e.broke(Constraint.PRIMARY_KEY)) {
                    throw new CompanyAlreadyExistsException(company.id());
                }
                throw e;
            }
        });
    }

    private static Company read(ResultSet rs) throws SQLException {
        return new Company(CompanyId.of(rs.getLong(1)), Name.of(rs.getString(2)));
    }
}
