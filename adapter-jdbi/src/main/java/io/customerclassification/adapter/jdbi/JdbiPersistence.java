package io.customerclassification.adapter.jdbi;

import io.customerclassification.application.model.CustomerTypeDescendant;
import io.customerclassification.application.model.CustomerTypeReference;
import io.customerclassification.application.model.CustomerTypeView;
import io.customerclassification.application.port.out.StoreBusyException;
import io.customerclassification.application.port.out.StoreFullException;
import io.customerclassification.application.port.out.TransactionPort;
import io.customerclassification.application.port.out.company.LoadCompanyPort;
import io.customerclassification.application.port.out.company.SaveCompanyPort;
import io.customerclassification.application.port.out.customerprofile.CustomerProfileNameTakenPort;
import io.customerclassification.application.port.out.customerprofile.DeleteCustomerProfilePort;
import io.customerclassification.application.port.out.customerprofile.FindCustomerProfilesPort;
import io.customerclassification.application.port.out.customerprofile.LoadCustomerProfilePort;
import io.customerclassification.application.port.out.customerprofile.SaveCustomerProfilePort;
import io.customerclassification.application.port.out.customertype.CustomerTypeNameTakenPort;
import io.customerclassification.application.port.out.customertype.DeleteCustomerTypePort;
import io.customerclassification.application.port.out.customertype.FindCustomerTypesPort;
import io.customerclassification.application.port.out.customertype.LoadCustomerTypeAncestorsPort;
import io.customerclassification.application.port.out.customertype.LoadCustomerTypeChildrenPort;
import io.customerclassification.application.port.out.customertype.LoadCustomerTypeDescendantsPort;
import io.customerclassification.application.port.out.customertype.LoadCustomerTypePort;
import io.customerclassification.application.port.out.customertype.MeasureCustomerTypeSubtreePort;
import io.customerclassification.application.port.out.customertype.SaveCustomerTypePort;
import io.customerclassification.application.query.AggregateFunction;
import io.customerclassification.application.query.Aggregation;
import io.customerclassification.application.query.Criteria;
import io.customerclassification.application.query.CustomerProfileField;
import io.customerclassification.application.query.CustomerTypeField;
import io.customerclassification.application.query.FieldType;
import io.customerclassification.application.query.Filter;
import io.customerclassification.application.query.Page;
import io.customerclassification.application.query.Paging;
import io.customerclassification.application.query.QueryField;
import io.customerclassification.application.query.SortKey;
import io.customerclassification.domain.company.Company;
import io.customerclassification.domain.company.CompanyAlreadyExistsException;
import io.customerclassification.domain.customerprofile.CustomerProfile;
import io.customerclassification.domain.customerprofile.CustomerProfileDraft;
import io.customerclassification.domain.customerprofile.CustomerProfileId;
import io.customerclassification.domain.customerprofile.CustomerProfileNotFoundException;
import io.customerclassification.domain.customerprofile.DuplicateCustomerProfileNameException;
import io.customerclassification.domain.customertype.CustomerType;
import io.customerclassification.domain.customertype.CustomerTypeDraft;
import io.customerclassification.domain.customertype.CustomerTypeHasChildrenException;
import io.customerclassification.domain.customertype.CustomerTypeHierarchyPolicy;
import io.customerclassification.domain.customertype.CustomerTypeKey;
import io.customerclassification.domain.customertype.CustomerTypeNotFoundException;
import io.customerclassification.domain.customertype.DuplicateCustomerTypeNameException;
import io.customerclassification.domain.customertype.UnknownParentException;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Every out-port of the application over SQLite. Work outside {@link #inTransaction} runs on its own
 * connection in autocommit; work inside it joins the thread's write transaction ({@code BEGIN IMMEDIATE}).
 * Writers of this process are serialised by a fair lock before they ask SQLite for its write lock, so they
 * never meet {@code SQLITE_BUSY}; another process is waited for up to the busy timeout.
 */
public final class JdbiPersistence
        implements TransactionPort,
                LoadCompanyPort,
                SaveCompanyPort,
                LoadCustomerProfilePort,
                SaveCustomerProfilePort,
                DeleteCustomerProfilePort,
                FindCustomerProfilesPort,
                CustomerProfileNameTakenPort,
                LoadCustomerTypePort,
                SaveCustomerTypePort,
                DeleteCustomerTypePort,
                FindCustomerTypesPort,
                LoadCustomerTypeAncestorsPort,
                LoadCustomerTypeChildrenPort,
                LoadCustomerTypeDescendantsPort,
                MeasureCustomerTypeSubtreePort,
                CustomerTypeNameTakenPort {

    private static final String CHANGE_VERSION = "SELECT version FROM cc_change WHERE table_name = ? AND company_id = ?";
    private static final String COMPANY_BY_ID = "SELECT id, name FROM company WHERE id = ?";
    private static final String TYPE_FROM = CustomerTypeDao.FROM + " WHERE t.company_id = ? AND ";

    private static final QueryCompiler PROFILE_QUERIES = new QueryCompiler(Map.of(
            CustomerProfileField.ID, QueryCompiler.Column.of("p.id"),
            CustomerProfileField.NAME, QueryCompiler.Column.withFold("p.name", "p.name_fold"),
            CustomerProfileField.ARCHIVED, QueryCompiler.Column.of("p.archived")),
            CustomerProfileField.ID);

    private static final QueryCompiler TYPE_QUERIES = new QueryCompiler(Map.of(
            CustomerTypeField.KEY, QueryCompiler.Column.of("t.key"),
            CustomerTypeField.NAME, QueryCompiler.Column.withFold("t.name", "t.name_fold"),
            CustomerTypeField.STATUS, QueryCompiler.Column.of("t.status"),
            CustomerTypeField.PARENT_KEY, QueryCompiler.Column.of("t.parent_key"),
            CustomerTypeField.PARENT_NAME, QueryCompiler.Column.withFold("p.name", "p.name_fold").throughJoin(),
            CustomerTypeField.CREATED_AT, QueryCompiler.Column.of("t.created_at"),
            CustomerTypeField.MODIFIED_AT, QueryCompiler.Column.of("t.modified_at"),
            CustomerTypeField.CREATED_BY, QueryCompiler.Column.of("t.created_by"),
            CustomerTypeField.MODIFIED_BY, QueryCompiler.Column.of("t.modified_by")),
            CustomerTypeField.KEY);

    static final PageSql.Source PROFILES = new PageSql.Source("customer_profile", "p", CustomerProfileDao.COLUMNS, "",
            PROFILE_QUERIES);
    static final PageSql.Source TYPES = new PageSql.Source("customer_type", "t", CustomerTypeDao.COLUMNS,
            CustomerTypeDao.PARENT_JOIN, TYPE_QUERIES);
    /** The same rows as {@link #TYPES}, so the same page index entries; key and name only, no join. */
    static final PageSql.Source TYPE_REFERENCES = new PageSql.Source("customer_type", "t", "t.key, t.name", "",
            TYPE_QUERIES);

    private final Jdbi jdbi;
    private final PageIndex pageIndex;
    private final SubtreeCache subtrees = new SubtreeCache();
    /**
     * Subtree reads at once: each may walk a million types; two keep both cores busy. A read waits at most 2 s
     * for its turn (about three walks of the largest tree ahead of it), so that a flood of them is soon told to
     * come back instead of holding the server's request slots while it waits (not final: tests).
     */
    static final long SUBTREE_READ_WAIT_MILLIS = 2_000;
    WorkGate subtreeReads = new WorkGate(2, SUBTREE_READ_WAIT_MILLIS, "read a subtree");
    /** A long-running server refreshes the planner's statistics as the data grows (see SqliteDatabase). */
    static final int OPTIMIZE_EVERY_COMMITS = 5_000;
    /**
     * The stored subtree height (migration V3) goes up to one past the deepest allowed level, which means "deeper
     * than any tree may be"; the height a move checks is never larger.
     */
    static final int HEIGHT_CAP = CustomerTypeHierarchyPolicy.MAX_DEPTH + 1;
    static final String HEIGHT_AND_PARENT = "SELECT height, parent_key FROM customer_type WHERE company_id = ? AND key = ?";
    static final String TALLEST_CHILD = "SELECT MAX(height) FROM customer_type WHERE company_id = ? AND parent_key = ?";
    static final String SET_HEIGHT = "UPDATE customer_type SET height = ? WHERE company_id = ? AND key = ?";

    private final ReentrantLock writeLock = new ReentrantLock(true);
    /** When a write found the store full, until a write succeeds again; null while writes fit. */
    private volatile Instant fullSince;
    private long commits;
    private final ThreadLocal<Handle> transaction = new ThreadLocal<>();
    /** What the thread's write transaction changed, for {@link PageIndex#carryForward} after its commit. */
    private final ThreadLocal<PageChanges> pageChanges = new ThreadLocal<>();
    /** The fields {@link CustomerProfileDao#update} may change. */
    private static final Set<CustomerProfileField> PROFILE_UPDATES = Set.of(CustomerProfileField.NAME,
            CustomerProfileField.ARCHIVED);
    /** The fields {@link CustomerTypeDao#update} may change (a move changes the parent's name too). */
    private static final Set<CustomerTypeField> TYPE_UPDATES = Set.of(CustomerTypeField.STATUS,
            CustomerTypeField.PARENT_KEY, CustomerTypeField.PARENT_NAME, CustomerTypeField.MODIFIED_AT,
            CustomerTypeField.MODIFIED_BY);
    private final Map<CompanyId, Company> committedCompanies = new ConcurrentHashMap<>();

    private final DataSource connections;

    /** Null when the connections are not the product's own pool (then every read prepares its statement). */
    private final StatementCache statements;

    /**
     * @param connections the same connections {@code jdbi} uses, for the single-row reads of {@link #lookup}
     * @param statements where those reads keep their prepared statements, or null to prepare them each time
     */
    JdbiPersistence(Jdbi jdbi, DataSource connections, PageIndex pageIndex, StatementCache statements) {
        this.statements = statements;
        this.jdbi = jdbi;
        this.connections = connections;
        this.pageIndex = pageIndex;
    }

    // ---- transactions

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (transaction.get() != null) {
            return work.get();
        }
        writeLock.lock();
        try (Handle handle = open()) {
            execute(handle, "BEGIN IMMEDIATE");
            transaction.set(handle);
            PageChanges changes = new PageChanges();
            pageChanges.set(changes);
            boolean committed = false;
            try {
                T result = work.get();
                Map<PageChanges.Table, Long> versionsAfter = new HashMap<>();
                changes.tables().forEach((table, summary) -> {
                    if (summary.versionBefore != PageChanges.NOTHING_TO_CARRY) {
                        versionsAfter.put(table, changeVersion(handle.getConnection(), table.name(), table.companyId()));
                    }
                });
                execute(handle, "COMMIT");
                committed = true;
                fullSince = null;
                versionsAfter.forEach((table, version) -> pageIndex.carryForward(table.name(), table.companyId(),
                        changes.tables().get(table), version, table.identity()));
                if (++commits % OPTIMIZE_EVERY_COMMITS == 0) {
                    handle.execute("PRAGMA optimize");
                }
                return result;
            } catch (RuntimeException e) {
                throw committed ? e : storeFullOr(e);
            } finally {
                if (!committed) {
                    rollback(handle);
                }
            }
        } finally {
            transaction.remove();
            pageChanges.remove();
            writeLock.unlock();
        }
    }

    /**
     * A write that found no room (SQLITE_FULL: the disk, or the size the database may grow to, is full) is a
     * {@link StoreFullException}; it is rolled back whole.
     */
    private RuntimeException storeFullOr(RuntimeException e) {
        if (!SqliteErrors.is(e, SQLiteErrorCode.SQLITE_FULL)) {
            return e;
        }
        if (fullSince == null) {
            fullSince = Instant.now();
        }
        return new StoreFullException("the database has no room left for the write: " + e.getMessage(), e);
    }

    /** When a write last found the store full, while no write has succeeded since. */
    Optional<Instant> fullSince() {
        return Optional.ofNullable(fullSince);
    }

    /**
     * Whether a write fits again: a transaction that creates and drops a table, so that it needs a new page and
     * writes to the log, and leaves nothing behind. When it succeeds, {@link #fullSince} is cleared as by any write.
     */
    boolean hasRoom() {
        try {
            inTransaction(() -> {
                execute(transaction.get(), "CREATE TABLE cc_room_probe (x INTEGER)");
                execute(transaction.get(), "DROP TABLE cc_room_probe");
                return null;
            });
            return true;
        } catch (StoreFullException e) {
            return false;
        }
    }

    /** The {@code cc_change} version of a company's table (0 before its first change). */
    private long changeVersion(Connection connection, String table, long companyId) {
        try {
            return lookup(connection, CHANGE_VERSION, (rs, ctx) -> rs.getLong(1), table, companyId).orElse(0L);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the change version failed: " + e.getMessage(), e);
        }
    }

    /**
     * Called in the write transaction before each change to a company's table: the first time, the table's
     * version before the transaction's changes is read, so that the commit can carry page entries forward.
     */
    private PageChanges.Table changing(PageSql.Source source, long companyId) {
        PageChanges changes = pageChanges.get();
        PageChanges.Table table = new PageChanges.Table(source.table(), companyId, source.compiler().identity());
        if (!changes.knows(table)) {
            changes.before(table, pageIndex.holdsAny(table.name(), companyId)
                    ? changeVersion(transaction.get().getConnection(), table.name(), companyId)
                    : PageChanges.NOTHING_TO_CARRY);
        }
        return table;
    }

    /** Pooled connections go back clean, whatever failed (the work, or the COMMIT itself). */
    private static void rollback(Handle handle) {
        try {
            execute(handle, "ROLLBACK");
        } catch (RuntimeException e) {
            // no transaction was open any more: nothing to undo
        }
    }

    /** A statement without parameters or rows, straight on the handle's connection (no Jdbi statement). */
    private static void execute(Handle handle, String sql) {
        try (var statement = handle.getConnection().createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("running " + sql + " failed: " + e.getMessage(), e);
        }
    }

    private <T> T withHandle(Function<Handle, T> work) {
        Handle current = transaction.get();
        if (current != null) {
            return work.apply(current);
        }
        try (Handle handle = open()) {
            return work.apply(handle);
        }
    }

    /**
     * A handle on a pooled connection. When the pool has none to give within its timeout (every connection held
     * by long work), the caller is told the store is busy rather than that it failed.
     */
    private Handle open() {
        try {
            return jdbi.open();
        } catch (ConnectionException e) {
            if (e.getCause() instanceof SQLTransientConnectionException timeout) {
                throw busy(timeout);
            }
            throw e;
        }
    }

    private static StoreBusyException busy(SQLTransientConnectionException e) {
        return new StoreBusyException("no database connection became free in time: " + e.getMessage(), e);
    }

    /**
     * The hottest statements — reading one row by its key (every GET of an item, every level of an ancestor
     * walk), checking a name, inserting a profile — go through plain JDBC: on this machine a Jdbi statement costs
     * about 50 µs and the same prepared statement about 15 µs (JMH, docs/performance.md), and the writes among
     * them run one at a time. Inside a write transaction they use the transaction's connection.
     */
    private <T> T jdbc(String sql, Statement<T> work) {
        Handle current = transaction.get();
        try {
            if (current != null) {
                return work.run(current.getConnection());
            }
            try (Connection connection = connections.getConnection()) {
                return work.run(connection);
            }
        } catch (SQLTransientConnectionException e) {
            throw busy(e);
        } catch (SQLException e) {
            throw new IllegalStateException("running " + sql + " failed: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface Statement<T> {
        T run(Connection connection) throws SQLException;
    }

    private static PreparedStatement prepare(Connection connection, String sql, int keys, Object... parameters)
            throws SQLException {
        return bind(connection.prepareStatement(sql, keys), parameters);
    }

    private static PreparedStatement bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, QueryCompiler.bindable(parameters[i]));
        }
        return statement;
    }

    private <T> Optional<T> lookup(String sql, RowMapper<T> mapper, Object... parameters) {
        return jdbc(sql, connection -> lookup(connection, sql, mapper, parameters));
    }

    private <T> Optional<T> lookup(Connection connection, String sql, RowMapper<T> mapper, Object... parameters)
            throws SQLException {
        return withPrepared(connection, sql, statement -> first(bind(statement, parameters), mapper));
    }

    /**
     * Runs {@code work} on the statement of a fixed {@code sql}: the one {@link StatementCache} keeps for this
     * connection (it stays open; the work closes only its result sets), or, without a cache, one prepared now and
     * closed after.
     */
    private <T> T withPrepared(Connection connection, String sql, PreparedWork<T> work) throws SQLException {
        if (statements == null) {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                return work.run(statement);
            }
        }
        return work.run(statements.prepared(connection, sql));
    }

    @FunctionalInterface
    private interface PreparedWork<T> {
        T run(PreparedStatement statement) throws SQLException;
    }

    private static <T> Optional<T> first(PreparedStatement statement, RowMapper<T> mapper) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.of(mapper.map(rows, null)) : Optional.empty();
        }
    }

    private boolean exists(String sql, Object... parameters) {
        return lookup(sql, (rows, ctx) -> rows.getInt(1) != 0, parameters).orElse(false);
    }

    /** @return the key SQLite gave the new row */
    private long insert(String sql, Object... parameters) {
        return jdbc(sql, connection -> {
            try (PreparedStatement statement = prepare(connection, sql, java.sql.Statement.RETURN_GENERATED_KEYS, parameters)) {
                statement.executeUpdate();
                try (ResultSet keys = statement.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    /** A read that needs one snapshot (a page and its total): a read transaction unless one is open. */
    private <T> T consistentRead(Function<Handle, T> work) {
        Handle current = transaction.get();
        if (current != null) {
            return work.apply(current);
        }
        try (Handle handle = open()) {
            execute(handle, "BEGIN");
            try {
                return work.apply(handle);
            } finally {
                rollback(handle);
            }
        }
    }

    /** A write outside an explicit transaction still serialises with the other writers of this process. */
    private <T> T write(Function<Handle, T> work) {
        return inTransaction(() -> withHandle(work));
    }

    // ---- companies

    /**
     * Every request checks its company first. A company, once committed, never changes (there is no rename or
     * delete), so committed ones are remembered; unknown ids and reads inside a write transaction (which may
     * still roll back) always go to the database.
     */
    @Override
    public Optional<Company> loadCompany(CompanyId id) {
        Company known = committedCompanies.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        // plain JDBC like the other reads by key: a client's first request then runs no Jdbi statement, whose
        // first run (parsing SQL, registering Jdbi's flight-recorder event) costs about 0.15 s
        Optional<Company> company = lookup(COMPANY_BY_ID,
                (rs, ctx) -> new Company(CompanyId.of(rs.getLong(1)), Name.of(rs.getString(2))), id.value());
        if (company.isPresent() && transaction.get() == null) {
            committedCompanies.put(id, company.get());
        }
        return company;
    }

    @Override
    public List<Company> loadAllCompanies() {
        return withHandle(h -> h.createQuery("SELECT id, name FROM company ORDER BY id")
                .map((rs, ctx) -> new Company(CompanyId.of(rs.getLong("id")), Name.of(rs.getString("name"))))
                .list());
    }

    @Override
    public void insertCompany(Company company) {
        write(h -> {
            try {
                return h.execute("INSERT INTO company (id, name) VALUES (?, ?)", company.id().value(),
                        company.name().value());
            } catch (RuntimeException e) {
                if (SqliteErrors.is(e, SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY)) {
                    throw new CompanyAlreadyExistsException(company.id());
                }
                throw e;
            }
        });
    }

    // ---- customer profiles

    private static CustomerProfileDao profiles(Handle handle) {
        return handle.attach(CustomerProfileDao.class);
    }

    @Override
    public Optional<CustomerProfile> loadCustomerProfile(CompanyId companyId, CustomerProfileId id) {
        return lookup(CustomerProfileDao.BY_ID, new CustomerProfileDao.Mapper(), companyId.value(), id.value());
    }

    @Override
    public CustomerProfile insertCustomerProfile(CustomerProfileDraft draft) {
        return write(h -> {
            try {
                PageChanges.Table table = changing(PROFILES, draft.companyId().value());
                long id = insert(CustomerProfileDao.INSERT, draft.companyId().value(), draft.name().value(),
                        draft.name().key(), draft.archived());
                pageChanges.get().inserted(table);
                return draft.withId(CustomerProfileId.of(id));
            } catch (RuntimeException e) {
                if (SqliteErrors.is(e, SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE)) {
                    throw new DuplicateCustomerProfileNameException(draft.companyId(), draft.name());
                }
                throw e;
            }
        });
    }

    @Override
    public void updateCustomerProfile(CustomerProfile profile) {
        write(h -> {
            int updated;
            PageChanges.Table table = changing(PROFILES, profile.companyId().value());
            try {
                updated = profiles(h).update(profile.companyId().value(), profile.id().value(), profile.name().value(),
                        profile.name().key(), profile.archived());
                if (updated > 0) {
                    pageChanges.get().updated(table, PROFILE_UPDATES);
                }
            } catch (RuntimeException e) {
                if (SqliteErrors.is(e, SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE)) {
                    throw new DuplicateCustomerProfileNameException(profile.companyId(), profile.name());
                }
                throw e;
            }
            if (updated == 0) {
                throw new CustomerProfileNotFoundException(profile.companyId(), profile.id());
            }
            return null;
        });
    }

    @Override
    public boolean deleteCustomerProfile(CompanyId companyId, CustomerProfileId id) {
        return write(h -> {
            PageChanges.Table table = changing(PROFILES, companyId.value());
            boolean deleted = profiles(h).delete(companyId.value(), id.value()) > 0;
            if (deleted) {
                pageChanges.get().deleted(table);
            }
            return deleted;
        });
    }

    @Override
    public Page<CustomerProfile> findCustomerProfiles(CompanyId companyId, Criteria criteria) {
        return consistentRead(h -> page(h, PROFILES, companyId, criteria, new CustomerProfileDao.Mapper()));
    }

    @Override
    public boolean isCustomerProfileNameTaken(CompanyId companyId, Name name, CustomerProfileId except) {
        return exists(CustomerProfileDao.NAME_TAKEN, companyId.value(), name.key(), except == null ? 0 : except.value());
    }

    // ---- customer types

    private static CustomerTypeDao types(Handle handle) {
        return handle.attach(CustomerTypeDao.class);
    }

    @Override
    public Optional<CustomerType> loadCustomerType(CompanyId companyId, CustomerTypeKey key) {
        return lookup(CustomerTypeDao.BY_KEY, new CustomerTypeDao.Mapper(), companyId.value(), key.value())
                .map(CustomerTypeRow::type);
    }

    @Override
    public Optional<CustomerTypeView> loadCustomerTypeView(CompanyId companyId, CustomerTypeKey key) {
        return lookup(CustomerTypeDao.BY_KEY, new CustomerTypeDao.Mapper(), companyId.value(), key.value())
                .map(CustomerTypeRow::view);
    }

    @Override
    public Optional<CustomerType> loadCustomerTypeByName(CompanyId companyId, Name name) {
        return withHandle(h -> types(h).findByFold(companyId.value(), name.key()).map(CustomerTypeRow::type));
    }

    @Override
    public CustomerType insertCustomerType(CustomerTypeDraft draft) {
        return write(h -> {
            try {
                PageChanges.Table table = changing(TYPES, draft.companyId().value());
                long key = types(h).insert(draft.companyId().value(), draft.name().value(), draft.name().key(),
                        CustomerTypeRow.status(draft.status()),
                        draft.parentKey() == null ? null : draft.parentKey().value(),
                        draft.audit().createdAt().getEpochSecond(), draft.audit().createdBy(),
                        draft.audit().modifiedAt().getEpochSecond(), draft.audit().modifiedBy());
                pageChanges.get().inserted(table);
                if (draft.parentKey() != null) {
                    raiseHeights(draft.companyId().value(), draft.parentKey().value(), 1);
                }
                return draft.withKey(CustomerTypeKey.of(key));
            } catch (RuntimeException e) {
                if (SqliteErrors.is(e, SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE)) {
                    throw new DuplicateCustomerTypeNameException(draft.companyId(), draft.name());
                }
                if (SqliteErrors.is(e, SQLiteErrorCode.SQLITE_CONSTRAINT_FOREIGNKEY)) {
                    throw new UnknownParentException(draft.companyId(), draft.parentKey(), null);
                }
                throw e;
            }
        });
    }

    @Override
    public void updateCustomerType(CustomerType type) {
        write(h -> {
            long company = type.companyId().value();
            Long newParent = type.parentKey() == null ? null : type.parentKey().value();
            Optional<HeightAndParent> before = heightAndParent(company, type.key().value());
            PageChanges.Table table = changing(TYPES, company);
            int updated;
            try {
                updated = types(h).update(type.companyId().value(), type.key().value(),
                        CustomerTypeRow.status(type.status()), type.parentKey() == null ? null : type.parentKey().value(),
                        type.audit().modifiedAt().getEpochSecond(), type.audit().modifiedBy());
            } catch (RuntimeException e) {
                if (SqliteErrors.is(e, SQLiteErrorCode.SQLITE_CONSTRAINT_FOREIGNKEY)) {
                    throw new UnknownParentException(type.companyId(), type.parentKey(), null);
                }
                throw e;
            }
            if (updated == 0) {
                throw new CustomerTypeNotFoundException(type.companyId(), type.key());
            }
            pageChanges.get().updated(table, TYPE_UPDATES);
            Long oldParent = before.map(HeightAndParent::parent).orElse(null);
            if (!Objects.equals(oldParent, newParent)) {
                if (newParent != null) {
                    raiseHeights(company, newParent, before.map(HeightAndParent::height).orElse(1));
                }
                if (oldParent != null) {
                    refreshHeights(company, oldParent);
                }
            }
            return null;
        });
    }

    @Override
    public boolean deleteCustomerType(CompanyId companyId, CustomerTypeKey key) {
        return write(h -> {
            try {
                Long parent = heightAndParent(companyId.value(), key.value()).map(HeightAndParent::parent).orElse(null);
                PageChanges.Table table = changing(TYPES, companyId.value());
                boolean deleted = types(h).delete(companyId.value(), key.value()) > 0;
                if (deleted) {
                    pageChanges.get().deleted(table);
                }
                if (deleted && parent != null) {
                    refreshHeights(companyId.value(), parent);
                }
                return deleted;
            } catch (RuntimeException e) {
                if (SqliteErrors.is(e, SQLiteErrorCode.SQLITE_CONSTRAINT_FOREIGNKEY)) {
                    throw new CustomerTypeHasChildrenException(key,
                            loadChildren(companyId, key).stream().map(CustomerType::key).toList());
                }
                throw e;
            }
        });
    }

    @Override
    public Page<CustomerTypeView> findCustomerTypes(CompanyId companyId, Criteria criteria) {
        CustomerTypeDao.Mapper mapper = new CustomerTypeDao.Mapper();
        return consistentRead(h -> page(h, TYPES, companyId, criteria, (rs, ctx) -> mapper.map(rs, ctx).view()));
    }

    @Override
    public Page<CustomerTypeReference> findCustomerTypeReferences(CompanyId companyId, Paging paging) {
        return consistentRead(h -> page(h, TYPE_REFERENCES, companyId, Criteria.all(paging), (rs, ctx) ->
                new CustomerTypeReference(CustomerTypeKey.of(rs.getLong(1)), Name.of(rs.getString(2)))));
    }

    @Override
    public List<Object> aggregateCustomerTypes(CompanyId companyId, Filter filter, List<Aggregation> aggregations) {
        QueryCompiler.Sql where = TYPE_QUERIES.where(filter);
        return consistentRead(h -> {
            List<Object> results = new ArrayList<>(aggregations.size());
            for (Aggregation aggregation : aggregations) {
                results.add(aggregate(h, companyId, where, aggregation));
            }
            return results;
        });
    }

    private static Object aggregate(Handle h, CompanyId companyId, QueryCompiler.Sql where, Aggregation aggregation) {
        QueryField field = aggregation.field();
        QueryCompiler.Column column = TYPE_QUERIES.column(field);
        AggregateFunction function = aggregation.function();
        String sql;
        if (function == AggregateFunction.MIN || function == AggregateFunction.MAX) {
            SortKey.Direction direction = function == AggregateFunction.MIN ? SortKey.Direction.ASC : SortKey.Direction.DESC;
            sql = "SELECT " + column.expression() + TYPE_FROM + where.text() + " AND " + column.expression()
                    + " IS NOT NULL ORDER BY " + TYPE_QUERIES.orderBy(List.of(new SortKey(field, direction)))
                    + " LIMIT 1";
        } else {
            String expression = switch (function) {
                case COUNT -> "COUNT(" + column.expression() + ")";
                case SUM -> "SUM(" + column.expression() + ")";
                default -> "AVG(" + column.expression() + ")";
            };
            sql = "SELECT " + expression + TYPE_FROM + where.text();
        }
        Query query = h.createQuery(sql).bind(0, companyId.value());
        bindAll(query, 1, where.parameters());
        Optional<Object> value = query.map((rs, ctx) -> {
            Object raw = rs.getObject(1);
            if (raw == null) {
                return null;
            }
            return switch (function) {
                case COUNT, SUM -> ((Number) raw).longValue();
                case AVG -> ((Number) raw).doubleValue();
                default -> fromSql(field.type(), raw);
            };
        }).findFirst();
        return value.orElse(null);
    }

    private static Object fromSql(FieldType type, Object raw) {
        return switch (type) {
            case STRING -> raw.toString();
            case INTEGER -> ((Number) raw).longValue();
            case BOOLEAN -> ((Number) raw).longValue() != 0;
            case TIMESTAMP -> Instant.ofEpochSecond(((Number) raw).longValue());
        };
    }

    /**
     * One lookup by primary key per level. (A recursive CTE would be one statement, but once the planner has
     * statistics it joins each step through a Bloom filter built by scanning the whole table: 25 ms for a
     * root's ancestors over 100 000 types.)
     */
    @Override
    public List<CustomerType> loadAncestors(CompanyId companyId, CustomerTypeKey key) {
        List<CustomerType> ancestors = new ArrayList<>();
        Set<CustomerTypeKey> seen = new HashSet<>(Set.of(key));
        CustomerTypeKey next = loadCustomerType(companyId, key).map(CustomerType::parentKey).orElse(null);
        while (next != null && ancestors.size() < CustomerTypeHierarchyPolicy.MAX_DEPTH && seen.add(next)) {
            Optional<CustomerType> parent = loadCustomerType(companyId, next);
            if (parent.isEmpty()) {
                break;
            }
            ancestors.add(parent.get());
            next = parent.get().parentKey();
        }
        return List.copyOf(ancestors);
    }

    @Override
    public List<CustomerType> loadChildren(CompanyId companyId, CustomerTypeKey key) {
        return withHandle(h -> types(h).children(companyId.value(), key.value()).stream()
                .map(CustomerTypeRow::type).toList());
    }

    /**
     * Level by level down the parent index ({@link Subtree#walk}), or the walk a {@link SubtreeCache} kept at the
     * company's current change version; then the names of the page and of its parents. All in one read
     * transaction. Inside a write transaction the walk is neither taken from the cache nor kept: it may see
     * changes that will be rolled back, and the version they carry could come again with other changes.
     */
    @Override
    public Page<CustomerTypeDescendant> loadDescendants(CompanyId companyId, CustomerTypeKey key, Paging paging) {
        long company = companyId.value();
        boolean cacheable = transaction.get() == null;
        return subtreeReads.run(() -> consistentRead(h -> {
            Connection connection = h.getConnection();
            try {
                Subtree subtree = subtree(connection, company, key.value(), cacheable);
                int from = (int) Math.min(subtree.size(), paging.offset());
                int to = Math.min(subtree.size(), from + paging.limit());
                List<CustomerTypeDescendant> items = from == to ? List.of()
                        : withPrepared(connection, NamedRows.NAMES_AND_PARENTS,
                                statement -> descendantRows(statement, company, subtree, from, to));
                return new Page<>(items, subtree.size());
            } catch (SQLException e) {
                throw new IllegalStateException("reading the descendants failed: " + e.getMessage(), e);
            }
        }));
    }

    /** The walk kept at the company's current change version, or a new one (kept when {@code cacheable}). */
    private Subtree subtree(Connection connection, long company, long start, boolean cacheable) throws SQLException {
        long version = cacheable ? changeVersion(connection, TYPES.table(), company) : -1;
        Subtree kept = cacheable ? subtrees.get(company, start, version) : null;
        if (kept != null) {
            return kept;
        }
        Subtree walked = withPrepared(connection, Subtree.CHILD_KEYS, statement -> Subtree.walk(statement, company, start));
        if (cacheable) {
            subtrees.put(company, start, version, walked);
        }
        return walked;
    }

    /**
     * The page's names and parents, then the names of the parents outside the page (level by level, a page's
     * parents are mostly the level above it, in the page too), rather than a join that looks up the parent of
     * every row.
     */
    private static List<CustomerTypeDescendant> descendantRows(PreparedStatement statement, long company, Subtree subtree,
            int from, int to) throws SQLException {
        NamedRows rows = NamedRows.read(statement, company, subtree.jsonArray(from, to), to - from);
        long[] outside = rows.parentsNotRead();
        NamedRows parents = outside.length == 0 ? rows
                : NamedRows.read(statement, company, Subtree.jsonArray(outside, 0, outside.length), outside.length);
        List<CustomerTypeDescendant> items = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            long key = subtree.key(i);
            int row = rows.indexOf(key);
            long parent = rows.parent(row);
            int parentRow = rows.indexOf(parent);
            Name parentName = parentRow >= 0 ? rows.name(parentRow) : parents.name(parents.indexOf(parent));
            items.add(new CustomerTypeDescendant(CustomerTypeKey.of(key), rows.name(row), CustomerTypeKey.of(parent),
                    parentName, subtree.levelOf(i)));
        }
        return items;
    }

    /**
     * The height stored in the row (migration V3), kept by every write that changes a type's children: a move
     * reads one row instead of walking every descendant.
     */
    @Override
    public int measureSubtreeHeight(CompanyId companyId, CustomerTypeKey key) {
        return heightAndParent(companyId.value(), key.value()).map(row -> Math.min(row.height(), HEIGHT_CAP)).orElse(1);
    }

    private record HeightAndParent(int height, Long parent) {}

    private Optional<HeightAndParent> heightAndParent(long company, long key) {
        return lookup(HEIGHT_AND_PARENT, (rows, ctx) -> {
            int height = rows.getInt(1);
            long parent = rows.getLong(2);
            return new HeightAndParent(height, rows.wasNull() ? null : parent);
        }, company, key);
    }

    private void setHeight(long company, long key, int height) {
        jdbc(SET_HEIGHT, connection -> withPrepared(connection, SET_HEIGHT, statement -> {
            statement.setInt(1, height);
            statement.setLong(2, company);
            statement.setLong(3, key);
            return statement.executeUpdate();
        }));
    }

    /**
     * {@code key} gained a child whose subtree is {@code childHeight} high: it and its ancestors grow where
     * that child's branch is now their tallest, and the climb stops at the first one already high enough. In
     * the write transaction; bounded on damaged data (heights never exceed {@link #HEIGHT_CAP}, so a cycle
     * stops once its heights reach it, and the climb is cut after {@code 2 × HEIGHT_CAP} steps).
     */
    private void raiseHeights(long company, long key, int childHeight) {
        Long node = key;
        int height = Math.min(childHeight + 1, HEIGHT_CAP);
        for (int step = 0; node != null && step < 2 * HEIGHT_CAP; step++) {
            Optional<HeightAndParent> row = heightAndParent(company, node);
            if (row.isEmpty() || row.get().height() >= height) {
                return;
            }
            setHeight(company, node, height);
            node = row.get().parent();
            height = Math.min(height + 1, HEIGHT_CAP);
        }
    }

    /**
     * {@code key} lost a child: its height is recomputed from its children's (one read of the parent index,
     * which covers the height), and so on up while a height changes. Bounded like {@link #raiseHeights}.
     */
    private void refreshHeights(long company, long key) {
        Long node = key;
        for (int step = 0; node != null && step < 2 * HEIGHT_CAP; step++) {
            Optional<HeightAndParent> row = heightAndParent(company, node);
            if (row.isEmpty()) {
                return;
            }
            int tallestChild = lookup(TALLEST_CHILD, (rows, ctx) -> rows.getInt(1), company, node).orElse(0);
            int height = Math.min(tallestChild + 1, HEIGHT_CAP);
            if (height == row.get().height()) {
                return;
            }
            setHeight(company, node, height);
            node = row.get().parent();
        }
    }

    @Override
    public boolean isCustomerTypeNameTaken(CompanyId companyId, Name name) {
        return exists(CustomerTypeDao.NAME_TAKEN, companyId.value(), name.key());
    }

    // ---- paging

    /**
     * One page and the total, in one read transaction. Outside a write transaction the total and the seek
     * position come from the {@link PageIndex} for the table's current version (built on a miss); inside one
     * they are read directly, since its uncommitted version may still roll back.
     */
    private <T> Page<T> page(Handle h, PageSql.Source source, CompanyId companyId, Criteria criteria,
            RowMapper<T> mapper) {
        PageSql sql = new PageSql(source, companyId.value(), criteria);
        PageIndex.Entry entry = transaction.get() != null ? null : indexEntry(h, source, companyId, criteria, sql);
        long total = entry != null ? entry.total() : count(h, sql);
        Paging paging = criteria.paging();
        if (paging.limit() == 0 || paging.offset() >= total) {
            return new Page<>(List.of(), total);
        }
        long skip = paging.offset();
        List<Object> from = null;
        if (entry != null && !entry.checkpoints().isEmpty() && skip >= pageIndex.interval()) {
            // rows inserted in key order since the checkpoints were built come after the last one
            int checkpoint = (int) Math.min(skip / pageIndex.interval(), entry.checkpoints().size() - 1);
            from = entry.checkpoints().get(checkpoint);
            skip -= (long) checkpoint * pageIndex.interval();
        }
        return new Page<>(list(h, sql.rows(from, skip, paging.limit()), mapper), total);
    }

    private PageIndex.Entry indexEntry(Handle h, PageSql.Source source, CompanyId companyId, Criteria criteria,
            PageSql sql) {
        long version = changeVersion(h.getConnection(), source.table(), companyId.value());
        PageIndex.Key key = new PageIndex.Key(source.table(), companyId.value(), criteria.filter(), criteria.sort());
        PageIndex.Entry entry = pageIndex.lookup(key, version);
        if (entry == null) {
            entry = new PageIndex.Entry(version, count(h, sql), List.of(), new AtomicLong());
            pageIndex.remember(key, entry);
        }
        if (pageIndex.worthRemembering(entry.total())
                && pageIndex.shouldBuild(entry, Math.min(criteria.paging().offset(), entry.total()))
                && pageIndex.startBuilding(key)) {
            try {
                entry = entry.withCheckpoints(checkpoints(h, sql));
                pageIndex.remember(key, entry);
            } finally {
                pageIndex.doneBuilding(key);
            }
        }
        return entry;
    }

    /**
     * The checkpoints of one result. Where an index serves the order, each is one seek from the one before and a
     * walk of {@code interval} index entries (6 ms for 100 000 rows); where none does, every seek would sort the
     * matches again, so one pass numbers them all instead (70 ms for 100 000 rows).
     */
    private List<List<Object>> checkpoints(Handle h, PageSql sql) {
        int interval = pageIndex.interval();
        try {
            Connection connection = h.getConnection();
            List<List<Object>> checkpoints = new ArrayList<>();
            List<Object> position = position(connection, sql.position(null, 0), sql.orderTerms());
            if (position != null && sortsForEachSeek(connection, sql.position(position, interval))) {
                return list(h, sql.checkpoints(interval), (rs, ctx) -> row(rs, sql.orderTerms()));
            }
            while (position != null) {
                checkpoints.add(position);
                position = position(connection, sql.position(position, interval), sql.orderTerms());
            }
            return checkpoints;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the checkpoints of a page failed: " + e.getMessage(), e);
        }
    }

    private List<Object> position(Connection connection, QueryCompiler.Sql sql, int terms) throws SQLException {
        return withPrepared(connection, sql.text(), statement -> {
            try (ResultSet rows = bind(statement, sql.parameters().toArray()).executeQuery()) {
                return rows.next() ? row(rows, terms) : null;
            }
        });
    }

    private static List<Object> row(ResultSet rows, int terms) throws SQLException {
        List<Object> values = new ArrayList<>(terms);
        for (int i = 1; i <= terms; i++) {
            values.add(rows.getObject(i));
        }
        return Collections.unmodifiableList(values);
    }

    private static boolean sortsForEachSeek(Connection connection, QueryCompiler.Sql seek) throws SQLException {
        try (PreparedStatement statement = prepare(connection, "EXPLAIN QUERY PLAN " + seek.text(),
                java.sql.Statement.NO_GENERATED_KEYS, seek.parameters().toArray());
                ResultSet plan = statement.executeQuery()) {
            while (plan.next()) {
                if (plan.getString("detail").equals("USE TEMP B-TREE FOR ORDER BY")) {
                    return true;
                }
            }
            return false;
        }
    }

    private long count(Handle h, PageSql sql) {
        return list(h, sql.count(), (rs, ctx) -> rs.getLong(1)).get(0);
    }

    /**
     * The rows of a page statement through plain JDBC on the handle's connection: Jdbi's statement, binding and
     * result iteration were a sixth of an Intacct list page (JFR). Kept prepared like the reads by key (the
     * {@link StatementCache} keeps each connection's most recent texts): compiling the query service's page
     * statement cost as much as running it.
     */
    private <T> List<T> list(Handle h, QueryCompiler.Sql sql, RowMapper<T> mapper) {
        try {
            return withPrepared(h.getConnection(), sql.text(), statement -> {
                try (ResultSet rows = bind(statement, sql.parameters().toArray()).executeQuery()) {
                    List<T> result = new ArrayList<>();
                    while (rows.next()) {
                        result.add(mapper.map(rows, null));
                    }
                    return result;
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("running " + sql.text() + " failed: " + e.getMessage(), e);
        }
    }

    private static int bindAll(Query query, int from, List<Object> parameters) {
        int position = from;
        for (Object parameter : parameters) {
            query.bind(position++, parameter);
        }
        return position;
    }

    /** Reads SQLite's extended result codes out of Jdbi's wrapping exceptions. */
    static final class SqliteErrors {
        private SqliteErrors() {}

        static boolean is(Throwable e, SQLiteErrorCode code) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLiteException sqlite && sqlite.getResultCode() == code) {
                    return true;
                }
            }
            return false;
        }
    }
}
