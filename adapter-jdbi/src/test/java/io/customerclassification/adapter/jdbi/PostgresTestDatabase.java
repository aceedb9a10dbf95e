package io.customerclassification.adapter.jdbi;

import io.customerclassification.adapter.jdbi.postgres.PostgresDatabase;
import io.customerclassification.adapter.jdbi.postgres.PostgresLocation;
import io.customerclassification.application.contract.PortSet;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh PostgreSQL database for tests, made on the server that {@value #ENVIRONMENT} names
 * ({@code postgresql://user:password@host:port/database}, a role that may {@code CREATE DATABASE}) and dropped when
 * closed. Without that variable the tests that need PostgreSQL are skipped, saying why and how to run them; with it,
 * they run, and fail when the server cannot be reached. As a JUnit extension ({@code @RegisterExtension static}) it
 * makes one database per test class, and skips each test of the class (so that each counts as skipped) without a
 * server.
 */
public final class PostgresTestDatabase
        implements AutoCloseable, BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    public static final String ENVIRONMENT = "CLASSIFICATION_TEST_POSTGRESQL";
    public static final String SKIPPED = "PostgreSQL tests skipped: " + ENVIRONMENT + " is not set. Set it to"
            + " postgresql://user:password@host:port/database (a role that may CREATE DATABASE) to run them;"
            + " .ci/run starts a server and sets it.";

    private static final AtomicBoolean TOLD = new AtomicBoolean();

    private String name;
    private String url;
    private PostgresLocation server;
    /** The store {@link #freshPorts} opened, until {@link #closePorts}. */
    private PostgresDatabase opened;

    /** For {@code @RegisterExtension}: the database is made before the class's tests and dropped after them. */
    public PostgresTestDatabase() {}

    /** A new database, or the test is skipped when no server is configured. */
    public static PostgresTestDatabase create() {
        PostgresTestDatabase database = new PostgresTestDatabase();
        database.make();
        return database;
    }

    /** The server's URL, or the test is skipped (with the reason, printed once per run) when none is configured. */
    public static String serverUrl() {
        if (!configured()) {
            if (TOLD.compareAndSet(false, true)) {
                System.err.println("[WARNING] " + SKIPPED);
            }
            Assumptions.abort(SKIPPED);
        }
        return System.getenv(ENVIRONMENT).strip();
    }

    private void make() {
        String serverUrl = serverUrl();
        server = PostgresLocation.parse(serverUrl);
        name = "cc_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
        URI uri = URI.create(serverUrl);
        url = uri.getScheme() + "://" + uri.getRawAuthority() + "/" + name
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** {@code postgresql://…/cc_test_…}: the URL of this database, with the server's credentials. */
    public String url() {
        return url;
    }

    public String name() {
        return name;
    }

    /**
     * Empties every table of the product, keys included, as a database that was just migrated (a database not
     * migrated yet is left as it is).
     */
    public void empty() {
        try (Connection connection = connect(url())) {
            try (var statement = connection.createStatement()) {
                statement.execute("DO $$ BEGIN IF to_regclass('customer_profile') IS NOT NULL THEN"
                        + " TRUNCATE customer_profile, customer_type, cc_change, idempotency_key RESTART IDENTITY CASCADE;"
                        + " DELETE FROM company WHERE id <> 0; END IF; END $$");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot empty the test database " + name + ": " + e.getMessage(), e);
        }
    }

    /** The out-ports of a store over this database, emptied first, for a contract test; see {@link #closePorts}. */
    public PortSet freshPorts() {
        empty();
        opened = PostgresDatabase.open(url(), 4);
        return StorePorts.of(opened.stores());
    }

    public void closePorts() {
        if (opened != null) {
            opened.close();
            opened = null;
        }
    }

    /** A plain JDBC connection to {@code postgresUrl} (postgresql:// form), for a test's own statements. */
    public static Connection connect(String postgresUrl) throws SQLException {
        PostgresLocation location = PostgresLocation.parse(postgresUrl);
        Properties properties = new Properties();
        if (location.user() != null) {
            properties.setProperty("user", location.user());
        }
        if (location.password() != null) {
            properties.setProperty("password", location.password());
        }
        return DriverManager.getConnection(location.jdbcUrl(), properties);
    }

    private void execute(String sql) {
        try (Connection connection = connect(System.getenv(ENVIRONMENT).strip());
                var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("the PostgreSQL server of " + ENVIRONMENT + " (" + server + ") refused "
                    + sql + ": " + e.getMessage(), e);
        }
    }

    /**
     * Drops the database. {@code WITH (FORCE)} ends the connections to it, but a role without
     * {@code pg_signal_backend} may not end an autovacuum worker that is analysing the new database (SQLState 42501):
     * then the drop waits for the workers there to finish, up to {@link #AUTOVACUUM_WAIT_MILLIS}, and tries again.
     */
    @Override
    public void close() {
        if (name != null) {
            String drop = "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)";
            long deadline = System.currentTimeMillis() + AUTOVACUUM_WAIT_MILLIS;
            try (Connection connection = connect(System.getenv(ENVIRONMENT).strip());
                    var statement = connection.createStatement()) {
                while (true) {
                    try {
                        statement.execute(drop);
                        break;
                    } catch (SQLException e) {
                        if (!"42501".equals(e.getSQLState()) || System.currentTimeMillis() > deadline) {
                            throw e;
                        }
                        awaitNoAutovacuum(connection, deadline);
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("the PostgreSQL server of " + ENVIRONMENT + " (" + server + ") refused "
                        + drop + ": " + e.getMessage(), e);
            }
            name = null;
        }
    }

    private static final long AUTOVACUUM_WAIT_MILLIS = 30_000;

    /** Returns once no autovacuum worker runs in this database, or at the deadline. */
    private void awaitNoAutovacuum(Connection connection, long deadline) throws SQLException {
        try (var query = connection.prepareStatement("SELECT count(*) FROM pg_stat_activity"
                + " WHERE datname = ? AND backend_type = 'autovacuum worker'")) {
            query.setString(1, name);
            while (System.currentTimeMillis() < deadline) {
                try (var rows = query.executeQuery()) {
                    rows.next();
                    if (rows.getLong(1) == 0) {
                        return;
                    }
                }
                LockSupport.parkNanos(10_000_000L);
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (configured()) {
            make();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        serverUrl();
    }

    private static boolean configured() {
        String url = System.getenv(ENVIRONMENT);
        return url != null && !url.isBlank();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }
}
