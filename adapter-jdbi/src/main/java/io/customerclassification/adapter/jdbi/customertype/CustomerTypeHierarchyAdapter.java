package io.customerclassification.adapter.jdbi.customertype;

import io.customerclassification.adapter.jdbi.session.Jdbc;
import io.customerclassification.adapter.jdbi.session.Session;
import io.customerclassification.adapter.jdbi.session.WorkGate;
import io.customerclassification.application.model.CustomerTypeDescendant;
import io.customerclassification.application.model.CustomerTypeExportRow;
import io.customerclassification.application.port.out.customertype.ExportCustomerTypesPort;
import io.customerclassification.application.port.out.customertype.LoadCustomerTypeAncestorsPort;
import io.customerclassification.application.port.out.customertype.LoadCustomerTypeChildrenPort;
import io.customerclassification.application.port.out.customertype.LoadCustomerTypeDescendantsPort;
import io.customerclassification.application.port.out.customertype.MeasureCustomerTypeSubtreePort;
import io.customerclassification.application.query.Page;
import io.customerclassification.application.query.Paging;
import io.customerclassification.domain.customertype.CustomerType;
import io.customerclassification.domain.customertype.CustomerTypeHierarchyPolicy;
import io.customerclassification.domain.customertype.CustomerTypeKey;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The hierarchy around a customer type over SQL ({@link CustomerTypeSql}): its ancestors, its children, its
 * subtree read level by level and kept per change version ({@link SubtreeCache}), and its subtree's stored height.
 *
 * <p>Ancestors are read one primary-key lookup per level rather than by a recursive query: once the planner has
 * statistics, SQLite joins each recursive step through a Bloom filter that it builds by scanning the whole table.
 */
public final class CustomerTypeHierarchyAdapter implements LoadCustomerTypeAncestorsPort, LoadCustomerTypeChildrenPort,
        LoadCustomerTypeDescendantsPort, MeasureCustomerTypeSubtreePort, ExportCustomerTypesPort {

    /**
     * Subtree reads at once, and how long one waits for its turn. Each may walk a million types; two keep both cores
     * of a small server busy, and a read that cannot start within a few walks of the largest tree is soon told to come
     * back instead of holding the server's request slots while it waits.
     */
    public static WorkGate standardSubtreeGate() {
        return new WorkGate(2, 2_000, "read a subtree");
    }

    /**
     * Exports at once, and how long one waits for its turn. Each holds a connection and a read snapshot for as long as
     * its reader takes to read it all (a million rows, or a slow client); two leave the rest of the pool (eight
     * connections on SQLite, sixteen by default on PostgreSQL) to everything else, and a third is told to come back
     * rather than queue behind them.
     */
    public static WorkGate standardExportGate() {
        return new WorkGate(2, 2_000, "export");
    }

    private final Session session;
    private final CustomerTypeSql.SubtreeSql subtreeSql;
    private final WorkGate subtreeReads;
    private final WorkGate exports;
    private final SubtreeCache subtrees = new SubtreeCache();

    /**
     * @param subtreeSql the walk's statements in this database's SQL
     * @param subtreeReads the gate every subtree read takes its turn at, before it takes a connection
     * @param exports the gate every export takes its turn at, before it takes a connection
     */
    public CustomerTypeHierarchyAdapter(Session session, CustomerTypeSql.SubtreeSql subtreeSql, WorkGate subtreeReads,
            WorkGate exports) {
        this.session = session;
        this.subtreeSql = subtreeSql;
        this.subtreeReads = subtreeReads;
        this.exports = exports;
    }

    /** Tree order ({@link TreeExport}), from one read snapshot, after the export's turn at its gate. */
    @Override
    public long exportCustomerTypes(CompanyId companyId, Consumer<CustomerTypeExportRow> rows) {
        return exports.run(() -> session.snapshot(jdbc -> TreeExport.run(jdbc, companyId.value(), rows)));
    }

    @Override
    public List<CustomerType> loadAncestors(CompanyId companyId, CustomerTypeKey key) {
        long company = companyId.value();
        return session.snapshot(jdbc -> byKey(jdbc, company, key).map(type -> ancestors(jdbc, company, type))
                .orElse(List.of()));
    }

    @Override
    public Optional<List<CustomerType>> loadLineage(CompanyId companyId, CustomerTypeKey key) {
        long company = companyId.value();
        return session.snapshot(jdbc -> byKey(jdbc, company, key).map(type -> {
            List<CustomerType> ancestors = ancestors(jdbc, company, type);
            List<CustomerType> lineage = new ArrayList<>(ancestors.size() + 1);
            lineage.add(type);
            lineage.addAll(ancestors);
            return List.copyOf(lineage);
        }));
    }

    /** Up from {@code type}, one primary-key read per level, cut where a key repeats or past the deepest level. */
    private static List<CustomerType> ancestors(Jdbc jdbc, long company, CustomerType type) {
        List<CustomerType> ancestors = new ArrayList<>();
        Set<CustomerTypeKey> seen = new HashSet<>(Set.of(type.key()));
        CustomerTypeKey next = type.parentKey();
        while (next != null && ancestors.size() < CustomerTypeHierarchyPolicy.MAX_DEPTH && seen.add(next)) {
            Optional<CustomerType> parent = byKey(jdbc, company, next);
            if (parent.isEmpty()) {
                break;
            }
            ancestors.add(parent.get());
            next = parent.get().parentKey();
        }
        return List.copyOf(ancestors);
    }

    private static Optional<CustomerType> byKey(Jdbc jdbc, long company, CustomerTypeKey key) {
        return jdbc.first(CustomerTypeSql.TYPE_BY_KEY, CustomerTypeSql::type, company, key.value());
    }

    @Override
    public List<CustomerType> loadChildren(CompanyId companyId, CustomerTypeKey key) {
        return session.read(jdbc -> CustomerTypeSql.children(jdbc, companyId.value(), key.value()));
    }

    /** The height stored in the row, kept by every write that changes a type's children. */
    @Override
    public int measureSubtreeHeight(CompanyId companyId, CustomerTypeKey key) {
        return session.read(jdbc -> Heights.of(jdbc, companyId.value(), key.value())
                .map(row -> Math.min(row.height(), Heights.CAP)).orElse(1));
    }

    /**
     * Level by level down the parent index ({@link Subtree#walk}), or the walk kept at the company's current change
     * version; then the names of the page and of its parents. All in one read snapshot. Inside a write transaction
     * the walk is neither taken from the cache nor kept: it may see changes that will be rolled back, and the
     * version they carry could come again with other changes.
     */
    @Override
    public Page<CustomerTypeDescendant> loadDescendants(CompanyId companyId, CustomerTypeKey key, Paging paging) {
        long company = companyId.value();
        boolean cacheable = !session.inWriteTransaction();
        return subtreeReads.run(() -> session.snapshot(jdbc -> {
            Subtree subtree = subtree(jdbc, company, key.value(), cacheable);
            int from = (int) Math.min(subtree.size(), paging.offset());
            int to = Math.min(subtree.size(), from + paging.limit());
            List<CustomerTypeDescendant> items = from == to ? List.of()
                    : jdbc.prepared(subtreeSql.namesAndParents(),
                            statement -> descendantRows(statement, company, subtree, from, to));
            return new Page<>(items, subtree.size());
        }));
    }

    /** The walk kept at the company's current change version, or a new one (kept when {@code cacheable}). */
    private Subtree subtree(Jdbc jdbc, long company, long start, boolean cacheable) {
        long version = cacheable ? session.changeVersion(jdbc, CustomerTypeSql.TYPES.table(), company) : -1;
        Subtree kept = cacheable ? subtrees.get(company, start, version) : null;
        if (kept != null) {
            return kept;
        }
        Subtree walked = jdbc.prepared(subtreeSql.childKeys(), statement -> Subtree.walk(statement, company, start));
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
    private static List<CustomerTypeDescendant> descendantRows(PreparedStatement statement, long company,
            Subtree subtree, int from, int to) throws SQLException {
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
}
