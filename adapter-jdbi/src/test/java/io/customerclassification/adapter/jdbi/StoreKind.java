package io.customerclassification.adapter.jdbi;

import io.customerclassification.adapter.jdbi.customertype.CustomerTypeHierarchyAdapter;
import io.customerclassification.adapter.jdbi.page.PageIndex;
import io.customerclassification.adapter.jdbi.postgres.PostgresDatabase;
import io.customerclassification.adapter.jdbi.session.BulkLoad;
import io.customerclassification.adapter.jdbi.session.KeyCounters;
import io.customerclassification.adapter.jdbi.session.Session;
import io.customerclassification.adapter.jdbi.sqlite.SqliteDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * The SQL databases the tests run against alike: a new SQLite file in a folder of the test's, or a new PostgreSQL
 * database ({@link PostgresTestDatabase}; skipped without a server) that is dropped when the store closes.
 */
public enum StoreKind {
    SQLITE {
        @Override
        public SqlStore open(Path folder, PageIndex pageIndex, int groupLimit) {
            return SqliteDatabase.open(folder.resolve("store.db"), pageIndex,
                    CustomerTypeHierarchyAdapter.standardSubtreeGate(), groupLimit);
        }

        @Override
        public Connection connectOutside(SqlStore store, Path folder) throws SQLException {
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("store.db"));
            try (var statement = connection.createStatement()) {
                statement.execute("PRAGMA busy_timeout = 10000");
            }
            return connection;
        }
    },
    POSTGRESQL {
        @Override
        public SqlStore open(Path folder, PageIndex pageIndex, int groupLimit) {
            PostgresTestDatabase database = PostgresTestDatabase.create();
            try {
                return new Dropping(PostgresDatabase.open(database.url(), 8, pageIndex,
                        CustomerTypeHierarchyAdapter.standardSubtreeGate(), groupLimit), database);
            } catch (RuntimeException e) {
                database.close();
                throw e;
            }
        }

        @Override
        public Connection connectOutside(SqlStore store, Path folder) throws SQLException {
            return PostgresTestDatabase.connect(((Dropping) store).database().url());
        }
    };

    /** Whether the keys a rolled-back transaction took stay taken (a sequence's do). */
    public boolean keysSurviveRollback() {
        return this == POSTGRESQL;
    }

    /**
     * A new, empty store (company 0 registered) whose write transactions take at most {@code groupLimit} writers
     * ({@link Session}).
     */
    public abstract SqlStore open(Path folder, PageIndex pageIndex, int groupLimit);

    /** A new, empty store (company 0 registered). */
    public SqlStore open(Path folder, PageIndex pageIndex) {
        return open(folder, pageIndex, Session.DEFAULT_GROUP_LIMIT);
    }

    /**
     * A connection to the database of {@code store} (opened by {@link #open} over {@code folder}) that is none of
     * the store's: what another process would write through.
     */
    public abstract Connection connectOutside(SqlStore store, Path folder) throws SQLException;

    public SqlStore open(Path folder) {
        return open(folder, PageIndex.standard());
    }

    /** A PostgreSQL store whose database is dropped once it is closed. */
    private record Dropping(SqlStore store, PostgresTestDatabase database) implements SqlStore {

        @Override
        public Stores stores() {
            return store.stores();
        }

        @Override
        public boolean isReachable() {
            return store.isReachable();
        }

        @Override
        public Optional<Instant> fullSince() {
            return store.fullSince();
        }

        @Override
        public KeyCounters keyCounters() {
            return store.keyCounters();
        }

        @Override
        public BulkLoad bulkLoad() {
            return store.bulkLoad();
        }

        @Override
        public PoolState poolState() {
            return store.poolState();
        }

        @Override
        public void close() {
            try {
                store.close();
            } finally {
                database.close();
            }
        }
    }
}
