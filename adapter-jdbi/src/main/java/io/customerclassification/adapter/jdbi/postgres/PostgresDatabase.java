package io.customerclassification.adapter.jdbi.postgres;

import io.customerclassification.adapter.jdbi.DatabaseUnavailableException;
import io.customerclassification.adapter.jdbi.PoolState;
import io.customerclassification.adapter.jdbi.SqlStore;
import io.customerclassification.adapter.jdbi.Stores;
import io.customerclassification.adapter.jdbi.customertype.CustomerTypeHierarchyAdapter;
import io.customerclassification.adapter.jdbi.customertype.CustomerTypeSql;
import io.customerclassification.adapter.jdbi.page.PageIndex;
import io.customerclassification.adapter.jdbi.page.PageReader;
import io.customerclassification.adapter.jdbi.session.BulkLoad;
import io.customerclassification.adapter.jdbi.session.KeyCounters;
import io.customerclassification.adapter.jdbi.database.Migrations;
import io.customerclassification.adapter.jdbi.database.Pools;
import io.customerclassification.adapter.jdbi.session.PreparedStatements;
import io.customerclassification.adapter.jdbi.session.Session;
import io.customerclassification.adapter.jdbi.session.WorkGate;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A PostgreSQL database (14 or later, UTF-8) as the shared store of any number of server processes: connected,
 * migrated under Flyway's lock (so several instances may start at once; a schema written by a newer version is
 * refused before anything is written), and offering every out-port through {@link #stores()}, built over the
 * PostgreSQL parts of the session and the page reader. Every rule of the contract holds across the processes: the
 * writers of all of them take turns ({@link PostgresTransactions}), and what a process keeps in memory (the page
 * index, kept subtree walks, companies) is checked against the change versions in the same snapshot, as for SQLite.
 */
public final class PostgresDatabase implements SqlStore {

    /** The newest migration this build ships ({@code PostgresDatabaseTest} checks it against db/migration/postgresql). */
    static final int SCHEMA_VERSION = 5;
    static final Migrations MIGRATIONS = new Migrations("db/migration/postgresql", SCHEMA_VERSION);

    /**
     * Connections each server process keeps by default. PostgreSQL serves each on a process of its own, and the
     * server's own limit ({@code max_connections}, 100 by default) is shared by every instance: docs/operations.md
     * sizes it.
     */
    public static final int DEFAULT_POOL_SIZE = 16;
    /** How long a request waits for a pooled connection before it is told the store is busy. */
    static final long CONNECTION_TIMEOUT_MILLIS = 10_000;
    static final int OLDEST_VERSION = 140000;

    private final PostgresLocation location;
    private final HikariDataSource pool;
    private final Stores stores;

    private PostgresDatabase(PostgresLocation location, HikariDataSource pool, PageIndex pageIndex,
            WorkGate subtreeReads, int groupLimit) {
        this.location = location;
        this.pool = pool;
        Session session = new Session(pool, new Session.Database(new PostgresTransactions(), new PostgresErrors(),
                PreparedStatements.EACH_TIME, connection -> { }), pageIndex, groupLimit);
        PageReader pages = new PageReader(session, pageIndex, new PostgresSeekPlans(), new PostgresQueryDialect());
        this.stores = Stores.over(session, pages, CustomerTypeSql.POSTGRES_SUBTREE, subtreeReads,
                CustomerTypeHierarchyAdapter.standardExportGate());
    }

    /**
     * Connects to the database at {@code url} ({@link PostgresLocation}) with a pool of {@code poolSize}
     * connections, and migrates it to the schema this build knows.
     *
     * @throws DatabaseUnavailableException when the server cannot be reached, is older than PostgreSQL 14, does not
     *     store UTF-8, refuses the credentials, or the schema cannot be migrated or is newer than this build's
     */
    public static PostgresDatabase open(String url, int poolSize) {
        return open(url, poolSize, PageIndex.standard(), CustomerTypeHierarchyAdapter.standardSubtreeGate());
    }

    /**
     * As {@link #open(String, int)}, with {@code password} when the URL carries none (so that it need not appear in
     * a command line); {@code password} may be null.
     */
    public static PostgresDatabase open(String url, String password, int poolSize) {
        return open(location(url).withPasswordIfNone(password), poolSize, PageIndex.standard(),
                CustomerTypeHierarchyAdapter.standardSubtreeGate(), Session.DEFAULT_GROUP_LIMIT);
    }

    /** As {@link #open(String, int)}, with the page index and the gate of subtree reads of the caller's. */
    public static PostgresDatabase open(String url, int poolSize, PageIndex pageIndex, WorkGate subtreeReads) {
        return open(url, poolSize, pageIndex, subtreeReads, Session.DEFAULT_GROUP_LIMIT);
    }

    /**
     * As {@link #open(String, int, PageIndex, WorkGate)}, with the most writers that share one write transaction
     * ({@link Session}); a test's small limit puts its racing writes across many batches.
     */
    public static PostgresDatabase open(String url, int poolSize, PageIndex pageIndex, WorkGate subtreeReads,
            int groupLimit) {
        return open(location(url), poolSize, pageIndex, subtreeReads, groupLimit);
    }

    private static PostgresLocation location(String url) {
        try {
            return PostgresLocation.parse(url);
        } catch (IllegalArgumentException e) {
            throw new DatabaseUnavailableException(e.getMessage(), e);
        }
    }

    private static PostgresDatabase open(PostgresLocation location, int poolSize, PageIndex pageIndex,
            WorkGate subtreeReads, int groupLimit) {
        PGSimpleDataSource direct = new PGSimpleDataSource();
        direct.setURL(location.jdbcUrl());
        if (location.user() != null) {
            direct.setUser(location.user());
        }
        if (location.password() != null) {
            direct.setPassword(location.password());
        }
        direct.setConnectTimeout((int) (CONNECTION_TIMEOUT_MILLIS / 1000));
        direct.setApplicationName("customer-classification");
        check(direct, location);
        MIGRATIONS.apply(direct);
        HikariConfig config = new HikariConfig();
        config.setPoolName("postgresql " + location);
        config.setDataSource(direct);
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(Math.min(2, poolSize));
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        config.setAutoCommit(true);
        // the pool starts even when the server is briefly away; requests then wait for it, up to the timeout
        config.setInitializationFailTimeout(-1);
        return new PostgresDatabase(location, new HikariDataSource(config), pageIndex, subtreeReads, groupLimit);
    }

    /** Refuses a server this build cannot run on, saying why, before anything is written. */
    private static void check(PGSimpleDataSource direct, PostgresLocation location) {
        try (Connection connection = direct.getConnection();
                var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT current_setting('server_version_num')::int,"
                        + " current_setting('server_encoding')")) {
            rows.next();
            if (rows.getInt(1) < OLDEST_VERSION) {
                throw new DatabaseUnavailableException("PostgreSQL at " + location + " is version "
                        + rows.getInt(1) + "; this product needs PostgreSQL 14 or later");
            }
            if (!"UTF8".equals(rows.getString(2))) {
                throw new DatabaseUnavailableException("the PostgreSQL database " + location + " stores "
                        + rows.getString(2) + "; this product needs a UTF8 database (CREATE DATABASE … ENCODING 'UTF8')");
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("cannot connect to PostgreSQL at " + location + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public Stores stores() {
        return stores;
    }

    @Override
    public boolean isReachable() {
        return Pools.answers(pool);
    }

    @Override
    public Optional<Instant> fullSince() {
        return stores.session().fullSinceRechecked();
    }

    @Override
    public KeyCounters keyCounters() {
        return new PostgresKeyCounters();
    }

    @Override
    public BulkLoad bulkLoad() {
        return new PostgresBulkLoad();
    }

    @Override
    public PoolState poolState() {
        return Pools.state(pool);
    }

    /** Where the database is, without its password. */
    @Override
    public String toString() {
        return location.toString();
    }

    @Override
    public void close() {
        pool.close();
    }
}
