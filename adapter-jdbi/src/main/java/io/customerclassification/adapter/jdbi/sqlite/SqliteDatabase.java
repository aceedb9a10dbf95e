package io.customerclassification.adapter.jdbi.sqlite;

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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The SQLite database of the product: opened (created if missing), migrated to the schema this build knows,
 * and offering every out-port through {@link #stores()}, built over the SQLite parts of the session and the page
 * reader.
 *
 * <p>Settings (see docs/persistence.md): WAL journal, so readers never wait for the writer; foreign keys on;
 * a busy timeout so a second process waits instead of failing; {@code synchronous=NORMAL}, which in WAL mode
 * makes a commit durable against a crash of the process (the WAL frames are in the operating system's cache
 * when COMMIT returns) though not against a power loss, where the last transactions may roll back — never
 * corrupt.
 */
public final class SqliteDatabase implements SqlStore {

    static final int BUSY_TIMEOUT_MILLIS = 10_000;
    /**
     * Connections kept open. SQLite readers run in parallel and there is one writer at a time, so a few
     * connections serve many request threads; each holds its own page cache (2 MiB by default).
     */
    static final int POOL_SIZE = 8;

    private final DataSource connections;
    private final HikariDataSource pool;
    private final StatementCache statements;
    private final Stores stores;

    private SqliteDatabase(DataSource connections, HikariDataSource pool, PageIndex pageIndex, WorkGate subtreeReads,
            int groupLimit) {
        this.connections = connections;
        this.pool = pool;
        this.statements = pool == null ? null : new StatementCache();
        this.stores = stores(connections, statements == null ? PreparedStatements.EACH_TIME : statements, pageIndex,
                subtreeReads, groupLimit);
    }

    /** Every adapter over the SQLite parts of the session and the page reader, on {@code connections}. */
    static Stores stores(DataSource connections, PreparedStatements statements, PageIndex pageIndex,
            WorkGate subtreeReads, int groupLimit) {
        Session session = new Session(connections, new Session.Database(new SqliteTransactions(), new SqliteErrors(),
                statements, new SqliteMaintenance()), pageIndex, groupLimit);
        PageReader pages = new PageReader(session, pageIndex, new SqliteSeekPlans(), new SqliteQueryDialect());
        return Stores.over(session, pages, CustomerTypeSql.SQLITE_SUBTREE, subtreeReads,
                CustomerTypeHierarchyAdapter.standardExportGate());
    }

    /**
     * Opens the database file, creating it and its folder when missing.
     *
     * @throws DatabaseUnavailableException when the file cannot be created, opened or migrated
     */
    public static SqliteDatabase open(Path file) {
        return open(file, PageIndex.standard(), CustomerTypeHierarchyAdapter.standardSubtreeGate());
    }

    /**
     * As {@link #open(Path)}, with the page index and the gate of subtree reads of the caller's (a test's index that
     * checkpoints every few rows, say).
     */
    public static SqliteDatabase open(Path file, PageIndex pageIndex, WorkGate subtreeReads) {
        return open(file, pageIndex, subtreeReads, Session.DEFAULT_GROUP_LIMIT);
    }

    /**
     * As {@link #open(Path, PageIndex, WorkGate)}, with the most writers that share one write transaction
     * ({@link Session}); a test's small limit puts its racing writes across many batches.
     */
    public static SqliteDatabase open(Path file, PageIndex pageIndex, WorkGate subtreeReads, int groupLimit) {
        Path absolute = file.toAbsolutePath();
        try {
            Path folder = absolute.getParent();
            if (folder != null) {
                Files.createDirectories(folder);
            }
        } catch (IOException e) {
            throw new DatabaseUnavailableException("cannot create the folder of the database " + absolute + ": " + e, e);
        }
        if (Files.exists(absolute) && !Files.isWritable(absolute)) {
            throw new DatabaseUnavailableException("the database file " + absolute + " is not writable");
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + absolute);
        MIGRATIONS.refuseNewer(dataSource);
        try (Connection probe = dataSource.getConnection();
                var statement = probe.createStatement()) {
            statement.execute("PRAGMA journal_mode = WAL");
            statement.execute("CREATE TABLE IF NOT EXISTS cc_write_probe (x INTEGER)");
            statement.execute("DROP TABLE cc_write_probe");
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("cannot open the database " + absolute + " for writing: "
                    + e.getMessage(), e);
        }
        MIGRATIONS.apply(dataSource);
        optimize(dataSource);
        HikariDataSource pool = pool(dataSource, absolute);
        return new SqliteDatabase(pool, pool, pageIndex, subtreeReads, groupLimit);
    }

    /**
     * Uses a data source of the caller's (it must give SQLite connections; pool it yourself if you need to:
     * each connection it gives is prepared when taken).
     */
    public static SqliteDatabase open(DataSource dataSource) {
        MIGRATIONS.apply(dataSource);
        optimize(dataSource);
        return new SqliteDatabase(new PreparingDataSource(dataSource), null, PageIndex.standard(),
                CustomerTypeHierarchyAdapter.standardSubtreeGate(), Session.DEFAULT_GROUP_LIMIT);
    }

    /**
     * Refreshes the planner's statistics where they are missing or stale, so that it picks the selective index
     * (a filter on the parent, say) over one that merely avoids a sort. Without them a query over the children
     * of two types walks a whole company's name index.
     */
    private static void optimize(DataSource dataSource) {
        try (Connection connection = SqliteConnections.prepare(dataSource.getConnection());
                var statement = connection.createStatement()) {
            statement.execute("PRAGMA optimize = 0x10002");
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("cannot analyse the database: " + e.getMessage(), e);
        }
    }

    private static HikariDataSource pool(DataSource sqlite, Path file) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("sqlite " + file.getFileName());
        config.setDataSource(new PreparingDataSource(sqlite));
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(1);
        // a request that cannot get a connection within the busy timeout fails rather than waiting forever
        config.setConnectionTimeout(BUSY_TIMEOUT_MILLIS);
        config.setAutoCommit(true);
        return new HikariDataSource(config);
    }

    @Override
    public Stores stores() {
        return stores;
    }

    @Override
    public boolean isReachable() {
        return Pools.answers(connections);
    }

    @Override
    public KeyCounters keyCounters() {
        return new SqliteKeyCounters();
    }

    @Override
    public BulkLoad bulkLoad() {
        return BulkLoad.NOTHING_TO_DO;
    }

    @Override
    public PoolState poolState() {
        return Pools.state(pool);
    }

    @Override
    public Optional<Instant> fullSince() {
        return stores.session().fullSinceRechecked();
    }

    /** Folds the WAL back into the database file, then closes the connections. */
    @Override
    public void close() {
        try (Connection connection = connections.getConnection();
                var statement = connection.createStatement()) {
            statement.execute("PRAGMA optimize");
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException | RuntimeException e) {
            // closing must not fail because another process holds the database: the WAL stays valid
        }
        if (pool != null) {
            pool.close();
            statements.clear();
        }
    }

    /** The newest migration this build ships ({@code SqliteDatabaseTest} checks it against db/migration/sqlite). */
    static final int SCHEMA_VERSION = 5;
    static final Migrations MIGRATIONS = new Migrations("db/migration/sqlite", SCHEMA_VERSION);
}
