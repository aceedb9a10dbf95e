package io.customerclassification.adapter.jdbi;

import io.customerclassification.adapter.jdbi.session.BulkLoad;
import io.customerclassification.adapter.jdbi.session.Jdbc;
import io.customerclassification.adapter.jdbi.session.KeyCounters;
import io.customerclassification.adapter.jdbi.session.Session;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Copies every record of one store into another, empty one, keys included — an SQLite file into PostgreSQL when a
 * team outgrows one machine, or back (docs/operations.md). Clients keep their IDs and keys; the target's key counters
 * are moved past every key the source ever handed out, deleted rows' included, so that no key is handed out twice.
 *
 * <p>The source is read in one read snapshot, in chunks of {@link #CHUNK} rows by key, so that memory stays flat;
 * the target is written in one write transaction, so that a copy that fails leaves it empty. Types are inserted as
 * roots first and given their parents once all of them are there (a type may have been moved under a type created
 * after it); their stored subtree heights are copied as they are.
 *
 * <p>API clients come along with their grants and API keys (as slow hashes: the secrets stay the ones their holders
 * have). Tokens do not: the target signs with keys of its own, so clients ask it for new tokens.
 */
public final class StoreCopy {

    /** Rows read, and written in one batch, at a time. */
    static final int CHUNK = 1_000;

    /** What was copied. */
    public record Counts(long companies, long profiles, long types, long clients, long idempotencyKeys) {}

    private static final String COMPANIES = "SELECT id, name FROM company WHERE id > ? ORDER BY id LIMIT ?";
    private static final String INSERT_COMPANY = "INSERT INTO company (id, name) VALUES (?, ?)";
    private static final String PROFILES = "SELECT id, company_id, name, name_fold, archived, version"
            + " FROM customer_profile WHERE id > ? ORDER BY id LIMIT ?";
    private static final String INSERT_PROFILE = "INSERT INTO customer_profile (id, company_id, name, name_fold,"
            + " archived, version) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String TYPES = "SELECT key, company_id, name, name_fold, status, created_at, created_by,"
            + " modified_at, modified_by, height, version, parent_key FROM customer_type WHERE key > ? ORDER BY key"
            + " LIMIT ?";
    private static final String INSERT_TYPE = "INSERT INTO customer_type (key, company_id, name, name_fold, status,"
            + " created_at, created_by, modified_at, modified_by, height, version)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /**
     * The idempotency keys, so that a POST retried after the move gets its first answer rather than running again;
     * their ids are the target's own (only the keys' order is read from them).
     */
    private static final String IDEMPOTENCY_KEYS = "SELECT id, client, key, request_hash, claim_token, claimed_at,"
            + " expires_at, status, headers, body FROM idempotency_key WHERE id > ? ORDER BY id LIMIT ?";
    private static final String INSERT_IDEMPOTENCY_KEY = "INSERT INTO idempotency_key (client, key, request_hash,"
            + " claim_token, claimed_at, expires_at, status, headers, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String SET_PARENT = "UPDATE customer_type SET parent_key = ? WHERE company_id = ? AND key = ?";
    private static final String HOLDS_RECORDS = "SELECT EXISTS (SELECT 1 FROM customer_profile)"
            + " OR EXISTS (SELECT 1 FROM customer_type) OR EXISTS (SELECT 1 FROM company WHERE id <> 0)"
            + " OR EXISTS (SELECT 1 FROM client) OR EXISTS (SELECT 1 FROM idempotency_key)";
    /** The identity tables that are copied, parents first: each as its SELECT (in key order) and INSERT. */
    private static final String[][] IDENTITY = {
        {"SELECT client_id, admin, secret_hash FROM client ORDER BY client_id",
            "INSERT INTO client (client_id, admin, secret_hash) VALUES (?, ?, ?)"},
        {"SELECT client_id, position, company_id, resource, can_list, can_view, can_add, can_edit, can_delete"
                + " FROM client_grant ORDER BY client_id, position",
            "INSERT INTO client_grant (client_id, position, company_id, resource, can_list, can_view, can_add,"
                + " can_edit, can_delete) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"},
        {"SELECT key_id, client_id, secret_hash, created_at FROM api_key ORDER BY key_id",
            "INSERT INTO api_key (key_id, client_id, secret_hash, created_at) VALUES (?, ?, ?, ?)"}};

    private StoreCopy() {}

    /**
     * @throws IllegalStateException when the target already holds records (company 0 aside): nothing is written
     */
    public static Counts copy(SqlStore from, SqlStore to) {
        Session source = from.stores().session();
        Session target = to.stores().session();
        KeyCounters sourceKeys = from.keyCounters();
        KeyCounters targetKeys = to.keyCounters();
        return source.snapshot(read -> target.write(write -> {
            if (write.exists(HOLDS_RECORDS)) {
                throw new IllegalStateException("the target store already holds records, API clients or"
                        + " idempotency keys: copy into an empty store");
            }
            BulkLoad bulk = to.bulkLoad();
            bulk.begin(write);
            long companies = copy(read, write, COMPANIES, 2, INSERT_COMPANY, 0, 2);
            long profiles = copy(read, write, PROFILES, 6, INSERT_PROFILE, 0, 6);
            long types = copy(read, write, TYPES, 12, INSERT_TYPE, 0, 11);
            copyParents(read, write);
            bulk.end(write);
            long clients = copyWhole(read, write, IDENTITY[0]);
            for (int i = 1; i < IDENTITY.length; i++) {
                copyWhole(read, write, IDENTITY[i]);
            }
            long keys = copy(read, write, IDEMPOTENCY_KEYS, 10, INSERT_IDEMPOTENCY_KEY, 1, 9);
            for (String[] table : new String[][] {{"customer_profile", "id"}, {"customer_type", "key"}}) {
                long taken = Math.max(sourceKeys.taken(read, table[0], table[1]),
                        read.first("SELECT MAX(" + table[1] + ") FROM " + table[0], row -> row.getLong(1)).orElse(0L));
                if (taken > 0) {
                    targetKeys.takeUpTo(write, table[0], table[1], taken);
                }
            }
            return new Counts(companies, profiles, types, clients, keys);
        }));
    }

    /**
     * Copies a table chunk by chunk in key order: {@code select} (key after, limit) reads {@code columns} columns,
     * key first; {@code insert} takes {@code inserted} of them, from column {@code first} (0: the key too). Keys above 0 only: company 0 is in
     * every store already, and the other tables' keys start at 1.
     */
    private static long copy(Jdbc read, Jdbc write, String select, int columns, String insert, int first,
            int inserted) {
        long after = 0;
        long copied = 0;
        while (true) {
            List<Object[]> rows = read.list(select, List.of(after, CHUNK), row -> values(row, columns));
            if (rows.isEmpty()) {
                return copied;
            }
            write.prepared(insert, statement -> batch(statement,
                    rows.stream().map(row -> Arrays.copyOfRange(row, first, first + inserted)).toList(), inserted));
            copied += rows.size();
            after = ((Number) rows.get(rows.size() - 1)[0]).longValue();
        }
    }

    /** Copies a small table in one read: {@code table} is its SELECT and its INSERT of as many columns. */
    private static long copyWhole(Jdbc read, Jdbc write, String[] table) {
        int columns = table[1].length() - table[1].replace("?", "").length();
        List<Object[]> rows = read.list(table[0], List.of(), row -> values(row, columns));
        write.prepared(table[1], statement -> batch(statement, rows, columns));
        return rows.size();
    }

    /** Gives every copied type its parent, once every type is there. */
    private static void copyParents(Jdbc read, Jdbc write) {
        long after = 0;
        while (true) {
            List<Object[]> rows = read.list("SELECT key, company_id, parent_key FROM customer_type WHERE key > ?"
                    + " ORDER BY key LIMIT ?", List.of(after, CHUNK), row -> values(row, 3));
            if (rows.isEmpty()) {
                return;
            }
            List<Object[]> parents = new ArrayList<>();
            for (Object[] row : rows) {
                if (row[2] != null) {
                    parents.add(new Object[] {row[2], row[1], row[0]});
                }
            }
            write.prepared(SET_PARENT, statement -> batch(statement, parents, 3));
            after = ((Number) rows.get(rows.size() - 1)[0]).longValue();
        }
    }

    private static Object[] values(ResultSet row, int columns) throws SQLException {
        Object[] values = new Object[columns];
        for (int i = 0; i < columns; i++) {
            Object value = row.getObject(i + 1);
            values[i] = value instanceof Integer small ? Long.valueOf(small) : value;
        }
        return values;
    }

    private static int batch(PreparedStatement statement, List<Object[]> rows, int columns) throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        for (Object[] row : rows) {
            for (int i = 0; i < columns; i++) {
                statement.setObject(i + 1, row[i]);
            }
            statement.addBatch();
        }
        statement.executeBatch();
        return rows.size();
    }
}
