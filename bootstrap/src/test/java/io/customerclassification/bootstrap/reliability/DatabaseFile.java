package io.customerclassification.bootstrap.reliability;

import io.customerclassification.domain.shared.Name;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import io.customerclassification.adapter.jdbi.PostgresTestDatabase;
import org.sqlite.SQLiteConfig;

/**
 * The database read directly, read-only, as an auditor would: an SQLite file beside a running server (WAL lets it
 * read a consistent snapshot while the server writes) or after the server is gone, or a PostgreSQL database that
 * server processes share.
 */
final class DatabaseFile implements AutoCloseable {

    /** A customer profile row; {@code nameFold} is the stored equality key of its name. */
    record Profile(long id, long company, String name, String nameFold, boolean archived) {}

    /** A customer type row; {@code parent} is null for a root. */
    record Type(long key, long company, String name, String nameFold, boolean active, Long parent) {}

    private final Connection connection;
    private final boolean sqlite;

    private DatabaseFile(Connection connection, boolean sqlite) {
        this.connection = connection;
        this.sqlite = sqlite;
    }

    static DatabaseFile open(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try {
            return new DatabaseFile(config.createConnection("jdbc:sqlite:" + file.toAbsolutePath()), true);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open " + file + " read-only", e);
        }
    }

    /** The PostgreSQL database at {@code url} ({@code postgresql://…}), read in read-only transactions. */
    static DatabaseFile postgres(String url) {
        try {
            Connection connection = PostgresTestDatabase.connect(url);
            connection.setReadOnly(true);
            return new DatabaseFile(connection, false);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to " + url, e);
        }
    }

    /** The private JWK that signs access tokens now, as the store holds it (to forge tokens with, in tests). */
    String signingKey() {
        return (String) rows("SELECT material FROM signing_key WHERE retired_at IS NULL").get(0).get(0);
    }

    /** Every row of every table the product writes, in key order: equal snapshots mean nothing changed. */
    String snapshot() {
        StringBuilder all = new StringBuilder();
        List<String> queries = new ArrayList<>(List.of("SELECT * FROM company ORDER BY id",
                "SELECT * FROM customer_profile ORDER BY id", "SELECT * FROM customer_type ORDER BY key"));
        if (sqlite) {
            queries.add("SELECT * FROM sqlite_sequence ORDER BY name");
        }
        for (String query : queries) {
            all.append(query).append('\n');
            for (List<Object> row : rows(query)) {
                all.append(row).append('\n');
            }
        }
        return all.toString();
    }

    /** {@code PRAGMA integrity_check}: {@code [ok]} for a sound file. */
    List<String> integrityCheck() {
        return rows("PRAGMA integrity_check").stream().map(row -> String.valueOf(row.get(0))).toList();
    }

    /** {@code PRAGMA foreign_key_check}: empty when every reference resolves. */
    List<List<Object>> foreignKeyViolations() {
        return rows("PRAGMA foreign_key_check");
    }

    Map<Long, Profile> profiles() {
        Map<Long, Profile> profiles = new LinkedHashMap<>();
        for (List<Object> row : rows("SELECT id, company_id, name, name_fold, archived FROM customer_profile ORDER BY id")) {
            long id = ((Number) row.get(0)).longValue();
            profiles.put(id, new Profile(id, ((Number) row.get(1)).longValue(), (String) row.get(2), (String) row.get(3),
                    ((Number) row.get(4)).intValue() == 1));
        }
        return profiles;
    }

    Map<Long, Type> types() {
        Map<Long, Type> types = new LinkedHashMap<>();
        for (List<Object> row : rows(
                "SELECT key, company_id, name, name_fold, status, parent_key FROM customer_type ORDER BY key")) {
            long key = ((Number) row.get(0)).longValue();
            types.put(key, new Type(key, ((Number) row.get(1)).longValue(), (String) row.get(2), (String) row.get(3),
                    "active".equals(row.get(4)), row.get(5) == null ? null : ((Number) row.get(5)).longValue()));
        }
        return types;
    }

    /**
     * Every broken whole-table rule: a name twice in one company (by the product's own equality key), a stored
     * key that is not its name's (a half-written row), a parent in another company or missing, a cycle, a
     * hierarchy deeper than 64, an active type under an inactive one.
     */
    List<String> invariantViolations() {
        List<String> violations = new ArrayList<>();
        Set<String> profileNames = new HashSet<>();
        for (Profile profile : profiles().values()) {
            checkName("profile " + profile.id(), profile.company(), profile.name(), profile.nameFold(), profileNames,
                    violations);
        }
        Map<Long, Type> types = types();
        Set<String> typeNames = new HashSet<>();
        for (Type type : types.values()) {
            checkName("type " + type.key(), type.company(), type.name(), type.nameFold(), typeNames, violations);
            Map<Long, Integer> seen = new HashMap<>();
            Type node = type;
            while (node != null && node.parent() != null) {
                Type parent = types.get(node.parent());
                if (parent == null || parent.company() != node.company()) {
                    violations.add("type " + node.key() + " has parent " + node.parent() + " outside its company");
                    break;
                }
                if (type.active() && !parent.active()) {
                    violations.add("active type " + type.key() + " has inactive ancestor " + parent.key());
                    break;
                }
                if (seen.put(parent.key(), seen.size()) != null) {
                    violations.add("cycle through type " + parent.key());
                    break;
                }
                node = parent;
            }
            if (seen.size() + 1 > 64) {
                violations.add("type " + type.key() + " is at depth " + (seen.size() + 1));
            }
        }
        return violations;
    }

    private static void checkName(String record, long company, String name, String nameFold, Set<String> seen,
            List<String> violations) {
        String key = Name.of(name).key();
        if (!key.equals(nameFold)) {
            violations.add(record + " stores the key '" + nameFold + "' for the name '" + name + "'");
        }
        if (!seen.add(company + "/" + key)) {
            violations.add(record + ": the name '" + name + "' is taken twice in company " + company);
        }
    }

    private List<List<Object>> rows(String query) {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(query)) {
            ResultSetMetaData meta = result.getMetaData();
            List<List<Object>> rows = new ArrayList<>();
            while (result.next()) {
                List<Object> row = new ArrayList<>(meta.getColumnCount());
                for (int column = 1; column <= meta.getColumnCount(); column++) {
                    row.add(result.getObject(column));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(query + " failed", e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
