package io.customerclassification.adapter.jdbi.customerprofile;

import io.customerclassification.adapter.jdbi.page.PageReader;
import io.customerclassification.adapter.jdbi.page.PageSource;
import io.customerclassification.adapter.jdbi.page.QueryCompiler;
import io.customerclassification.adapter.jdbi.session.Constraint;
import io.customerclassification.adapter.jdbi.session.ConstraintViolation;
import io.customerclassification.adapter.jdbi.session.Session;
import io.customerclassification.adapter.jdbi.session.TableChanges;
import io.customerclassification.adapter.jdbi.session.WorkGate;
import io.customerclassification.application.port.out.customerprofile.CustomerProfileNameTakenPort;
import io.customerclassification.application.port.out.customerprofile.DeleteCustomerProfilePort;
import io.customerclassification.application.port.out.customerprofile.ExportCustomerProfilesPort;
import io.customerclassification.application.port.out.customerprofile.FindCustomerProfilesPort;
import io.customerclassification.application.port.out.customerprofile.LoadCustomerProfilePort;
import io.customerclassification.application.port.out.customerprofile.SaveCustomerProfilePort;
import io.customerclassification.application.query.Criteria;
import io.customerclassification.application.query.CustomerProfileField;
import io.customerclassification.application.query.Page;
import io.customerclassification.domain.customerprofile.CustomerProfile;
import io.customerclassification.domain.customerprofile.CustomerProfileDraft;
import io.customerclassification.domain.customerprofile.CustomerProfileId;
import io.customerclassification.domain.customerprofile.CustomerProfileNotFoundException;
import io.customerclassification.domain.customerprofile.DuplicateCustomerProfileNameException;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Customer profiles over SQL, and the one home of {@code customer_profile}'s SQL: its fixed statements (positional
 * parameters, in the order each comment gives) and the field→column map the list compiles against. Every statement
 * that {@link #read} reads selects {@link #COLUMNS} first, in that order.
 */
public final class CustomerProfilePersistenceAdapter implements LoadCustomerProfilePort, SaveCustomerProfilePort,
        DeleteCustomerProfilePort, FindCustomerProfilesPort, CustomerProfileNameTakenPort, ExportCustomerProfilesPort {

    public static final String COLUMNS = "p.id, p.company_id, p.name, p.archived, p.version";
    /** Company, id. */
    public static final String BY_ID = "SELECT " + COLUMNS + " FROM customer_profile p WHERE p.company_id = ? AND p.id = ?";
    /** Company, folded name, the id of the profile being renamed (0 on create). */
    public static final String NAME_TAKEN = "SELECT EXISTS (SELECT 1 FROM customer_profile WHERE company_id = ?"
            + " AND name_fold = ? AND id <> ?)";
    /** Company, name, folded name, archived (0 or 1). */
    public static final String INSERT = "INSERT INTO customer_profile (company_id, name, name_fold, archived)"
            + " VALUES (?, ?, ?, ?) RETURNING id";
    /** Name, folded name, archived (0 or 1), company, id: the new version. */
    public static final String UPDATE = "UPDATE customer_profile SET name = ?, name_fold = ?, archived = ?,"
            + " version = version + 1 WHERE company_id = ? AND id = ? RETURNING version";
    /** Company, id. */
    public static final String DELETE = "DELETE FROM customer_profile WHERE company_id = ? AND id = ?";
    /**
     * Rows the export's cursor holds at once. PostgreSQL's driver reads a whole result into memory unless it is asked
     * for rows in batches, which it does inside a transaction: the export's snapshot is one (REPEATABLE READ, not in
     * autocommit). SQLite steps through its result row by row whatever the size.
     */
    static final int EXPORT_FETCH_SIZE = 1_000;
    /** Company: every profile, by id, for the export's one cursor. */
    public static final String EXPORT = "SELECT " + COLUMNS + " FROM customer_profile p WHERE p.company_id = ?"
            + " ORDER BY p.id";

    /** The pages of the list. */
    public static final PageSource PROFILES = new PageSource("customer_profile", "p", COLUMNS, "",
            new QueryCompiler(Map.of(
                    CustomerProfileField.ID, QueryCompiler.Column.of("p.id"),
                    CustomerProfileField.NAME, QueryCompiler.Column.withFold("p.name", "p.name_fold"),
                    CustomerProfileField.ARCHIVED, QueryCompiler.Column.of("p.archived")),
                    CustomerProfileField.ID));

    /** The fields {@link #UPDATE} may change. */
    private static final Set<CustomerProfileField> UPDATES = Set.of(CustomerProfileField.NAME,
            CustomerProfileField.ARCHIVED);

    private final Session session;
    private final PageReader pages;
    private final WorkGate exports;

    /** @param exports the gate every export takes its turn at, before it takes a connection */
    public CustomerProfilePersistenceAdapter(Session session, PageReader pages, WorkGate exports) {
        this.session = session;
        this.pages = pages;
        this.exports = exports;
    }

    /** One cursor over the company's profiles by id, in one read snapshot, after the export's turn at its gate. */
    @Override
    public long exportCustomerProfiles(CompanyId companyId, Consumer<CustomerProfile> rows) {
        return exports.run(() -> session.snapshot(jdbc -> jdbc.prepared(EXPORT, statement -> {
            statement.setFetchSize(EXPORT_FETCH_SIZE);
            statement.setLong(1, companyId.value());
            long handed = 0;
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.accept(read(rs));
                    handed++;
                }
            }
            return handed;
        })));
    }

    @Override
    public Optional<CustomerProfile> loadCustomerProfile(CompanyId companyId, CustomerProfileId id) {
        return session.read(jdbc -> jdbc.first(BY_ID, CustomerProfilePersistenceAdapter::read, companyId.value(),
                id.value()));
    }

    @Override
    public boolean isCustomerProfileNameTaken(CompanyId companyId, Name name, CustomerProfileId except) {
        return session.read(jdbc -> jdbc.exists(NAME_TAKEN, companyId.value(), name.key(),
                except == null ? 0 : except.value()));
    }

    @Override
    public CustomerProfile insertCustomerProfile(CustomerProfileDraft draft) {
        return session.write(jdbc -> {
            try {
                TableChanges changes = session.changing(PROFILES, draft.companyId().value());
                long id = jdbc.insert(INSERT, draft.companyId().value(), draft.name().value(), draft.name().key(),
                        draft.archived() ? 1 : 0);
                changes.inserted();
                return draft.withId(CustomerProfileId.of(id));
            } catch (ConstraintViolation e) {
                if (e.broke(Constraint.UNIQUE)) {
                    throw new DuplicateCustomerProfileNameException(draft.companyId(), draft.name());
                }
                throw e;
            }
        });
    }

    @Override
    public CustomerProfile updateCustomerProfile(CustomerProfile profile) {
        return session.write(jdbc -> {
            TableChanges changes = session.changing(PROFILES, profile.companyId().value());
            Optional<Long> version;
            try {
                version = jdbc.first(UPDATE, row -> row.getLong(1), profile.name().value(), profile.name().key(),
                        profile.archived() ? 1 : 0, profile.companyId().value(), profile.id().value());
            } catch (ConstraintViolation e) {
                if (e.broke(Constraint.UNIQUE)) {
                    throw new DuplicateCustomerProfileNameException(profile.companyId(), profile.name());
                }
                throw e;
            }
            if (version.isEmpty()) {
                throw new CustomerProfileNotFoundException(profile.companyId(), profile.id());
            }
            changes.updated(UPDATES);
            return profile.atVersion(version.get());
        });
    }

    @Override
    public boolean deleteCustomerProfile(CompanyId companyId, CustomerProfileId id) {
        return session.write(jdbc -> {
            TableChanges changes = session.changing(PROFILES, companyId.value());
            boolean deleted = jdbc.update(DELETE, companyId.value(), id.value()) > 0;
            if (deleted) {
                changes.deleted();
            }
            return deleted;
        });
    }

    @Override
    public Page<CustomerProfile> findCustomerProfiles(CompanyId companyId, Criteria criteria) {
        return pages.find(PROFILES, companyId, criteria, CustomerProfilePersistenceAdapter::read);
    }

    /** Reads the columns of {@link #COLUMNS}. */
    private static CustomerProfile read(ResultSet rs) throws SQLException {
        return new CustomerProfile(CustomerProfileId.of(rs.getLong(1)), CompanyId.of(rs.getLong(2)),
                Name.of(rs.getString(3)), rs.getInt(4) != 0, rs.getLong(5));
    }
}
