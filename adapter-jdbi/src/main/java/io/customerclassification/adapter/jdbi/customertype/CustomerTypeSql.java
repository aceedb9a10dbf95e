package io.customerclassification.adapter.jdbi.customertype;

import io.customerclassification.adapter.jdbi.page.PageSource;
import io.customerclassification.adapter.jdbi.page.QueryCompiler;
import io.customerclassification.adapter.jdbi.session.Jdbc;
import io.customerclassification.application.query.CustomerTypeField;
import io.customerclassification.domain.customertype.Audit;
import io.customerclassification.domain.customertype.CustomerType;
import io.customerclassification.domain.customertype.CustomerTypeKey;
import io.customerclassification.domain.customertype.CustomerTypeStatus;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The SQL of {@code customer_type}, all of it: the fixed statements of both adapters, the field→column map the
 * query service compiles against, the statements that keep the subtree heights, and those of the subtree walk. Every
 * statement has positional parameters, in the order its comment gives, and is run by the session on a statement the
 * connection keeps. Statements the page reader's row reader reads select {@link #COLUMNS} first, in that order, and
 * rows are read by position.
 */
public final class CustomerTypeSql {

    public static final String COLUMNS = "t.key, t.company_id, t.name, t.status, t.parent_key, t.created_at,"
            + " t.created_by, t.modified_at, t.modified_by, p.name AS parent_name, t.version";
    public static final String PARENT_JOIN = " LEFT JOIN customer_type p ON p.company_id = t.company_id"
            + " AND p.key = t.parent_key";
    public static final String FROM = " FROM customer_type t" + PARENT_JOIN;

    /**
     * {@link #COLUMNS} without the parent's name (null in its place), from the table alone: for the reads of a write
     * and of the hierarchy, which name no parent. A create or a move reads one row per level of its new parent's line,
     * inside the writers' turn, and the join costs each of those reads many times its own primary-key lookup
     * (docs/performance.md).
     */
    public static final String TYPE_COLUMNS = "t.key, t.company_id, t.name, t.status, t.parent_key, t.created_at,"
            + " t.created_by, t.modified_at, t.modified_by, NULL AS parent_name, t.version FROM customer_type t";

    /** Company, key: the type and its parent's name. */
    public static final String BY_KEY = "SELECT " + COLUMNS + FROM + " WHERE t.company_id = ? AND t.key = ?";
    /** Company, key: the type alone. */
    public static final String TYPE_BY_KEY = "SELECT " + TYPE_COLUMNS + " WHERE t.company_id = ? AND t.key = ?";
    /** Company, folded name: the type alone. */
    public static final String TYPE_BY_NAME =
            "SELECT " + TYPE_COLUMNS + " WHERE t.company_id = ? AND t.name_fold = ?";
    /** Company, folded name. */
    public static final String NAME_TAKEN =
            "SELECT EXISTS (SELECT 1 FROM customer_type WHERE company_id = ? AND name_fold = ?)";
    /** Company, parent key: the children alone, by key. */
    public static final String CHILDREN = "SELECT " + TYPE_COLUMNS + " WHERE t.company_id = ? AND t.parent_key = ?"
            + " ORDER BY t.key";
    /** Company, name, folded name, status, parent key, created at, created by, modified at, modified by. */
    public static final String INSERT = "INSERT INTO customer_type (company_id, name, name_fold, status, parent_key,"
            + " created_at, created_by, modified_at, modified_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING key";
    /** Status, parent key, modified at, modified by, company, key: the new version. */
    public static final String UPDATE = "UPDATE customer_type SET status = ?, parent_key = ?, modified_at = ?,"
            + " modified_by = ?, version = version + 1 WHERE company_id = ? AND key = ? RETURNING version";
    /**
     * Company, key, company, key: deletes a type that has no children. The foreign key refuses the others too, but
     * a broken rule ends a PostgreSQL transaction, and the refusal still has to read the children it names.
     */
    public static final String DELETE = "DELETE FROM customer_type WHERE company_id = ? AND key = ?"
            + " AND NOT EXISTS (SELECT 1 FROM customer_type c WHERE c.company_id = ? AND c.parent_key = ?)";

    /** Company, after key, how many: the next roots of the export, by key, each with its subtree height. */
    public static final String EXPORT_ROOTS = "SELECT key, name, status, height FROM customer_type"
            + " WHERE company_id = ? AND parent_key IS NULL AND key > ? ORDER BY key LIMIT ?";
    /** Company, parent key, after key, how many: the next children of the export, by key, with their heights. */
    public static final String EXPORT_CHILDREN = "SELECT key, name, status, height FROM customer_type"
            + " WHERE company_id = ? AND parent_key = ? AND key > ? ORDER BY key LIMIT ?";

    /** Company, key: the stored subtree height (migration V3) and the parent. */
    public static final String HEIGHT_AND_PARENT =
            "SELECT height, parent_key FROM customer_type WHERE company_id = ? AND key = ?";
    /** Company, key: the height of the tallest child, from the parent index, which covers it. */
    public static final String TALLEST_CHILD =
            "SELECT MAX(height) FROM customer_type WHERE company_id = ? AND parent_key = ?";
    /** Height, company, key. */
    public static final String SET_HEIGHT = "UPDATE customer_type SET height = ? WHERE company_id = ? AND key = ?";

    /**
     * The two statements of the subtree walk, the part of this table's SQL that differs from one database to the
     * next (how a list of keys goes in as one parameter, how a column's values come back as one text).
     *
     * @param childKeys company, the keys of a level of parents as a JSON array, the key walked from: the children
     *     of the level other than that key, from the parent index alone (it covers key and height), as one row of
     *     two comma-separated lists, all of them and those that have children of their own
     * @param namesAndParents company, keys as a JSON array: key, name and parent of each, by key
     */
    public record SubtreeSql(String childKeys, String namesAndParents) {}

    /** {@link SubtreeSql#childKeys} in SQLite: the keys through {@code json_each}, the lists by {@code group_concat}. */
    public static final String SQLITE_CHILD_KEYS = "SELECT group_concat(key),"
            + " group_concat(CASE WHEN height > 1 THEN key END) FROM customer_type"
            + " WHERE company_id = ? AND parent_key IN (SELECT value FROM json_each(?)) AND key <> ?";
    /** {@link SubtreeSql#namesAndParents} in SQLite. */
    public static final String SQLITE_NAMES_AND_PARENTS = "SELECT key, name, parent_key FROM customer_type"
            + " WHERE company_id = ? AND key IN (SELECT value FROM json_each(?)) ORDER BY key";
    public static final SubtreeSql SQLITE_SUBTREE = new SubtreeSql(SQLITE_CHILD_KEYS, SQLITE_NAMES_AND_PARENTS);

    /**
     * {@link SubtreeSql#childKeys} in PostgreSQL: the JSON array of keys read as an array literal ({@code [1,2]} →
     * {@code {1,2}}), which the parent index seeks once per key; the lists by {@code string_agg}.
     */
    public static final String POSTGRES_CHILD_KEYS = "SELECT string_agg(key::text, ','),"
            + " string_agg(CASE WHEN height > 1 THEN key::text END, ',') FROM customer_type"
            + " WHERE company_id = ? AND parent_key = ANY (CAST(translate(?, '[]', '{}') AS bigint[])) AND key <> ?";
    /** {@link SubtreeSql#namesAndParents} in PostgreSQL. */
    public static final String POSTGRES_NAMES_AND_PARENTS = "SELECT key, name, parent_key FROM customer_type"
            + " WHERE company_id = ? AND key = ANY (CAST(translate(?, '[]', '{}') AS bigint[])) ORDER BY key";
    public static final SubtreeSql POSTGRES_SUBTREE = new SubtreeSql(POSTGRES_CHILD_KEYS, POSTGRES_NAMES_AND_PARENTS);

    private static final QueryCompiler QUERIES = new QueryCompiler(Map.of(
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

    /** The pages of the query service and of the list: whole types, their parent's name joined. */
    public static final PageSource TYPES = new PageSource("customer_type", "t", COLUMNS, PARENT_JOIN, QUERIES);
    /** The same rows as {@link #TYPES}, so the same page index entries; key and name only, no join. */
    public static final PageSource TYPE_REFERENCES = new PageSource("customer_type", "t", "t.key, t.name", "",
            QUERIES);

    private CustomerTypeSql() {}

    /** Reads the columns of {@link #COLUMNS}. */
    static CustomerTypeRow row(ResultSet rs) throws SQLException {
        long parent = rs.getLong(5);
        boolean root = rs.wasNull();
        String parentName = rs.getString(10);
        CustomerType type = new CustomerType(
                CustomerTypeKey.of(rs.getLong(1)),
                CompanyId.of(rs.getLong(2)),
                Name.of(rs.getString(3)),
                CustomerTypeStatus.valueOf(rs.getString(4).toUpperCase(Locale.ROOT)),
                root ? null : CustomerTypeKey.of(parent),
                new Audit(Instant.ofEpochSecond(rs.getLong(6)), rs.getString(7),
                        Instant.ofEpochSecond(rs.getLong(8)), rs.getString(9)),
                rs.getLong(11));
        return new CustomerTypeRow(type, parentName == null ? null : Name.of(parentName));
    }

    static CustomerType type(ResultSet rs) throws SQLException {
        return row(rs).type();
    }

    static String status(CustomerTypeStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    /** The direct children of a type, by key, on {@code jdbc}'s connection. */
    static List<CustomerType> children(Jdbc jdbc, long company, long key) {
        return jdbc.list(CHILDREN, List.of(company, key), CustomerTypeSql::type);
    }
}
