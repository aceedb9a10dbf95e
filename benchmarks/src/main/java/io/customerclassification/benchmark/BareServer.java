package io.customerclassification.benchmark;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The baseline the benchmark compares the product with: the bare stack answering the same reads the obvious
 * way — Javalin, plain JDBC on the same database (an SQLite file with the same durability settings: WAL,
 * {@code synchronous=NORMAL}; or a PostgreSQL database, given as a {@code jdbc:postgresql:} URL), one connection per
 * worker thread, {@code COUNT(*)} plus {@code LIMIT/OFFSET} for pages, no validation, no domain. Not part of the
 * product. {@code BareServer <database file | jdbc:postgresql:…> <port>}.
 */
public final class BareServer {

    private final String url;
    private final ThreadLocal<Connection> connections = ThreadLocal.withInitial(this::connect);

    private BareServer(String url) {
        this.url = url;
    }

    public static void main(String[] args) {
        BareServer bare = new BareServer(args[0].startsWith("jdbc:postgresql:") ? args[0] : "jdbc:sqlite:" + args[0]);
        Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            QueuedThreadPool pool = new QueuedThreadPool(32, 4);
            config.jetty.threadPool = pool;
            config.routes.get("/bare/profiles/{id}", bare::profile);
            config.routes.get("/bare/profiles", bare::profiles);
            config.routes.post("/bare/profiles", bare::createProfile);
            config.routes.get("/bare/types/{key}", bare::type);
            config.routes.get("/bare/types", bare::types);
        }).start("127.0.0.1", Integer.parseInt(args[1]));
        System.out.println("bare server listening on " + args[1]);
    }

    private Connection connect() {
        try {
            Connection connection = DriverManager.getConnection(url);
            if (url.startsWith("jdbc:sqlite:")) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("PRAGMA journal_mode = WAL");
                    statement.execute("PRAGMA synchronous = NORMAL");
                    statement.execute("PRAGMA busy_timeout = 10000");
                }
            }
            return connection;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void profile(Context ctx) throws SQLException {
        try (PreparedStatement select = connections.get().prepareStatement(
                "SELECT id, name, archived FROM customer_profile WHERE company_id = 0 AND id = ?")) {
            select.setLong(1, Long.parseLong(ctx.pathParam("id")));
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    ctx.status(404);
                    return;
                }
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("ID", rs.getLong(1));
                row.put("Name", rs.getString(2));
                row.put("Archived", rs.getInt(3) != 0);
                ctx.json(row);
            }
        }
    }

    private void profiles(Context ctx) throws SQLException {
        int page = Integer.parseInt(ctx.queryParamAsClass("page", String.class).getOrDefault("1"));
        int size = Integer.parseInt(ctx.queryParamAsClass("pageSize", String.class).getOrDefault("30"));
        Connection connection = connections.get();
        long total = count(connection, "SELECT COUNT(*) FROM customer_profile WHERE company_id = 0");
        List<Map<String, Object>> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, name FROM customer_profile WHERE company_id = 0 ORDER BY id LIMIT ? OFFSET ?")) {
            select.setInt(1, size);
            select.setLong(2, (long) (page - 1) * size);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("ID", rs.getLong(1));
                    row.put("Name", rs.getString(2));
                    rows.add(row);
                }
            }
        }
        ctx.header("Result-Total", Long.toString(total));
        ctx.json(rows);
    }

    private void createProfile(Context ctx) throws SQLException {
        String name = ctx.bodyAsClass(Map.class).get("Name").toString();
        long id;
        synchronized (this) {
            try (PreparedStatement insert = connections.get().prepareStatement(
                    "INSERT INTO customer_profile (company_id, name, name_fold, archived) VALUES (0, ?, ?, 0)",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, name);
                insert.setString(2, name.toLowerCase(java.util.Locale.ROOT));
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
        }
        ctx.status(201).json(Map.of("ID", id, "Name", name, "Archived", false));
    }

    /** The same representation as the product's GET item (CONTRACT §2), built the obvious way. */
    private void type(Context ctx) throws SQLException {
        try (PreparedStatement select = connections.get().prepareStatement(
                "SELECT t.key, t.name, t.status, t.parent_key, p.name, t.created_at, t.modified_at, t.created_by,"
                        + " t.modified_by FROM customer_type t"
                        + " LEFT JOIN customer_type p ON p.company_id = t.company_id AND p.key = t.parent_key"
                        + " WHERE t.company_id = 0 AND t.key = ?")) {
            select.setLong(1, Long.parseLong(ctx.pathParam("key")));
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    ctx.status(404);
                    return;
                }
                String href = "/objects/accounts-receivable/customer-type/";
                Map<String, Object> parent = new LinkedHashMap<>();
                String parentKey = rs.getString(4);
                parent.put("key", parentKey);
                parent.put("id", rs.getString(5));
                parent.put("href", parentKey == null ? null : href + parentKey);
                Map<String, Object> audit = new LinkedHashMap<>();
                audit.put("createdDateTime", Instant.ofEpochSecond(rs.getLong(6)).toString());
                audit.put("modifiedDateTime", Instant.ofEpochSecond(rs.getLong(7)).toString());
                audit.put("createdBy", rs.getString(8));
                audit.put("modifiedBy", rs.getString(9));
                Map<String, Object> entity = new LinkedHashMap<>();
                entity.put("key", null);
                entity.put("id", null);
                entity.put("name", null);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("key", rs.getString(1));
                row.put("id", rs.getString(2));
                row.put("parent", parent);
                row.put("status", rs.getString(3));
                row.put("audit", audit);
                row.put("entity", entity);
                row.put("href", href + rs.getString(1));
                ctx.json(Map.of("ia::result", row, "ia::meta", Map.of("totalCount", 1)));
            }
        }
    }

    private void types(Context ctx) throws SQLException {
        int start = Integer.parseInt(ctx.queryParamAsClass("start", String.class).getOrDefault("1"));
        int size = Integer.parseInt(ctx.queryParamAsClass("size", String.class).getOrDefault("100"));
        Connection connection = connections.get();
        long total = count(connection, "SELECT COUNT(*) FROM customer_type WHERE company_id = 0");
        List<Map<String, Object>> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT key, name FROM customer_type WHERE company_id = 0 ORDER BY key LIMIT ? OFFSET ?")) {
            select.setInt(1, size);
            select.setLong(2, start - 1L);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("key", rs.getString(1));
                    row.put("id", rs.getString(2));
                    row.put("href", "/objects/accounts-receivable/customer-type/" + rs.getString(1));
                    rows.add(row);
                }
            }
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("totalCount", total);
        meta.put("start", start);
        meta.put("pageSize", size);
        meta.put("next", start + size <= total ? start + size : null);
        meta.put("previous", start > 1 ? Math.max(1, start - size) : null);
        ctx.json(Map.of("ia::result", rows, "ia::meta", meta));
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
