package io.customerclassification.adapter.jdbi.session;

import io.customerclassification.application.port.out.StoreBusyException;
import io.customerclassification.application.port.out.StoreFullException;
import io.customerclassification.application.port.out.TransactionPort;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The store's unit of work, the one part that takes connections and runs transactions. It lends a connection to
 * each piece of work of the persistence adapters ({@link #read}, {@link #snapshot}, {@link #write}), runs write
 * transactions ({@link TransactionPort}), translates database errors, and tracks what each write transaction
 * changes ({@link #changing}) so that its {@link ChangeListener} can carry what it knows past the commit.
 *
 * <p>Work outside {@link #inTransaction} runs on a pooled connection in autocommit; work inside it joins the
 * thread's write transaction, on that transaction's connection, and nested calls join the outer transaction. The
 * writers of this process take turns at a fair lock before they take a connection. Inside {@link #sharingReads},
 * the plain reads of a thread share one pooled connection.
 */
public final class Session implements TransactionPort {

    /** What differs from one database to the next in how the session works. */
    public record Database(Transactions transactions, SqlErrors errors, PreparedStatements statements,
            Maintenance maintenance) {}

    /** The change version of a company's table, which triggers move with every insert, update and delete. */
    private static final String CHANGE_VERSION = "SELECT version FROM cc_change WHERE table_name = ? AND company_id = ?";

    private record WriteTransaction(Connection connection, Jdbc jdbc, Changes changes) {}

    /** The connection a thread's plain reads share inside {@link #sharingReads}, and the session it is from. */
    private static final class SharedConnection {
        private Session session;
        private Connection connection;
    }

    /** A scope of {@link #sharingReads}: closing it gives the shared connection back. */
    public interface ReadScope extends AutoCloseable {
        @Override
        void close();
    }

    private static final ThreadLocal<SharedConnection> SHARED = new ThreadLocal<>();

    @FunctionalInterface
    private interface SqlAction {
        void run() throws SQLException;
    }

    private final DataSource connections;
    private final Database database;
    private final ChangeListener listener;
    private final ThreadLocal<WriteTransaction> current = new ThreadLocal<>();
    /**
     * The writers of this process take turns here, in order of arrival, before they take a connection: a writer
     * waiting for the database's write lock would hold a connection that readers could use.
     */
    private final ReentrantLock writers = new ReentrantLock(true);
    private final LentConnectionJdbi jdbi = new LentConnectionJdbi();
    /** When a write found the store full, until a write commits again; null while writes fit. */
    private volatile Instant fullSince;

    public Session(DataSource connections, Database database, ChangeListener listener) {
        this.connections = connections;
        this.database = database;
        this.listener = listener;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        Transactions transactions = database.transactions();
        writers.lock();
        try (Connection connection = open()) {
            attempt("starting a write transaction", () -> transactions.beginWrite(connection));
            WriteTransaction transaction = new WriteTransaction(connection, jdbc(connection), new Changes());
            current.set(transaction);
            boolean committed = false;
            try {
                T result = work.get();
                Map<Changes.Table, Long> versionsAfter = versionsAfter(transaction);
                attempt("committing a write transaction", () -> transactions.commit(connection));
                committed = true;
                fullSince = null;
                versionsAfter.forEach((table, version) -> listener.carryForward(table.name(), table.companyId(),
                        transaction.changes().of(table).summary(transactions.keysFollowCommitOrder()), version,
                        table.identity()));
                attempt("the upkeep after a commit", () -> database.maintenance().afterCommit(connection));
                return result;
            } catch (StoreFullException e) {
                if (!committed && fullSince == null) {
                    fullSince = Instant.now();
                }
                throw e;
            } finally {
                transaction.jdbc().release();
                if (!committed) {
                    rollbackQuietly(connection);
                }
            }
        } catch (SQLException e) {
            throw translate(database.errors(), "closing a connection", e);
        } finally {
            current.remove();
            writers.unlock();
        }
    }

    /** When a write last found the store full, while no write has committed since. */
    public Optional<Instant> fullSince() {
        return Optional.ofNullable(fullSince);
    }

    /**
     * {@link #fullSince}, after trying a write that leaves nothing behind ({@link #hasRoom}) when the store is full
     * and the last try is a second old or more: the store is seen writable again once space is freed, even if no
     * client writes.
     */
    public Optional<Instant> fullSinceRechecked() {
        long now = System.nanoTime();
        if (fullSince != null && now - lastRoomCheck >= ROOM_CHECK_INTERVAL_NANOS) {
            lastRoomCheck = now;
            hasRoom();
        }
        return fullSince();
    }

    private static final long ROOM_CHECK_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);
    private volatile long lastRoomCheck = System.nanoTime() - ROOM_CHECK_INTERVAL_NANOS;

    /**
     * Whether a write fits again: a write transaction that creates and drops a table, so that it needs a new page
     * and writes to the log, and leaves nothing behind. When it commits, {@link #fullSince} is cleared as by any
     * write.
     */
    public boolean hasRoom() {
        try {
            inTransaction(() -> {
                Connection connection = current.get().connection();
                attempt("probing for room", () -> {
                    try (var statement = connection.createStatement()) {
                        statement.execute("CREATE TABLE cc_room_probe (x INTEGER)");
                        statement.execute("DROP TABLE cc_room_probe");
                    }
                });
                return null;
            });
            return true;
        } catch (StoreFullException e) {
            return false;
        }
    }

    /**
     * Work on one connection: the thread's write transaction's, else the connection the thread's reads share inside
     * {@link #sharingReads}, else a pooled one; in autocommit outside a transaction.
     */
    public <T> T read(Function<Jdbc, T> work) {
        WriteTransaction transaction = current.get();
        if (transaction != null) {
            return work.apply(transaction.jdbc());
        }
        SharedConnection shared = SHARED.get();
        if (shared != null) {
            if (shared.session != this) {
                giveBackSharedConnection();
                shared.connection = take();
                shared.session = this;
            }
            Jdbc jdbc = jdbc(shared.connection);
            try {
                return work.apply(jdbc);
            } finally {
                jdbc.release();
            }
        }
        try (Connection connection = open()) {
            Jdbc jdbc = jdbc(connection);
            try {
                return work.apply(jdbc);
            } finally {
                jdbc.release();
            }
        } catch (SQLException e) {
            throw translate(database.errors(), "closing a connection", e);
        }
    }

    /**
     * Work that needs one snapshot, such as a page and its total: a read transaction, unless the thread's write
     * transaction is open (then it reads what that transaction sees).
     */
    public <T> T snapshot(Function<Jdbc, T> work) {
        WriteTransaction transaction = current.get();
        if (transaction != null) {
            return work.apply(transaction.jdbc());
        }
        try (Connection connection = open()) {
            attempt("starting a read transaction", () -> database.transactions().beginRead(connection));
            Jdbc jdbc = jdbc(connection);
            try {
                return work.apply(jdbc);
            } finally {
                jdbc.release();
                rollbackQuietly(connection);
            }
        } catch (SQLException e) {
            throw translate(database.errors(), "closing a connection", e);
        }
    }

    /** Work in the thread's write transaction, or in one of its own that takes its turn with the other writers. */
    public <T> T write(Function<Jdbc, T> work) {
        return inTransaction(() -> read(work));
    }

    /** Whether this thread is inside a write transaction, whose reads may still roll back. */
    public boolean inWriteTransaction() {
        return current.get() != null;
    }

    /**
     * Called in the write transaction before each change to a company's rows of {@code table}; the adapter
     * records on the answer what the change does. The first time, the table's version before the transaction's
     * changes is read, so that the commit can tell the listener which version its changes start from.
     */
    public TableChanges changing(TrackedTable table, long companyId) {
        WriteTransaction transaction = current.get();
        if (transaction == null) {
            throw new IllegalStateException("a change to " + table.table() + " outside a write transaction");
        }
        Changes.Table key = new Changes.Table(table.table(), companyId, table.identity());
        Changes.Counts counts = transaction.changes().of(key);
        if (counts == null) {
            counts = transaction.changes().start(key, listener.holdsAny(key.name(), companyId)
                    ? changeVersion(transaction.jdbc(), key.name(), companyId)
                    : Changes.NOTHING_TO_CARRY);
        }
        return new TableChanges(counts);
    }

    /** The change version of a company's table as {@code jdbc}'s connection sees it (0 before its first change). */
    public long changeVersion(Jdbc jdbc, String table, long companyId) {
        return jdbc.first(CHANGE_VERSION, row -> row.getLong(1), table, companyId).orElse(0L);
    }

    /** The versions after the transaction's changes, of the tables whose version before was read. */
    private Map<Changes.Table, Long> versionsAfter(WriteTransaction transaction) {
        Map<Changes.Table, Long> versions = new HashMap<>();
        transaction.changes().tables().forEach((table, counts) -> {
            if (counts.versionBefore != Changes.NOTHING_TO_CARRY) {
                versions.put(table, changeVersion(transaction.jdbc(), table.name(), table.companyId()));
            }
        });
        return versions;
    }

    /**
     * Until the scope is closed, the plain reads ({@link #read}) of this thread, of any session, share one pooled
     * connection, taken at the first: a request that reads the identity version and then its row takes one connection
     * from the pool, not two. The thread gives it back before it takes another connection (a snapshot, a write
     * transaction) and before it waits at a {@link WorkGate}, so it never holds two, nor one while it waits its turn.
     * Each read still runs in autocommit, in a snapshot of its own. A scope opened inside another joins it.
     */
    public static ReadScope sharingReads() {
        if (SHARED.get() != null) {
            return () -> { };
        }
        SHARED.set(new SharedConnection());
        return () -> {
            try {
                giveBackSharedConnection();
            } finally {
                SHARED.remove();
            }
        };
    }

    /** Gives the connection this thread's reads share back to its pool, if it holds one ({@link #sharingReads}). */
    static void giveBackSharedConnection() {
        SharedConnection shared = SHARED.get();
        if (shared == null || shared.connection == null) {
            return;
        }
        Session session = shared.session;
        Connection connection = shared.connection;
        shared.session = null;
        shared.connection = null;
        try {
            connection.close();
        } catch (SQLException e) {
            throw translate(session.database.errors(), "closing a connection", e);
        }
    }

    /**
     * A pooled connection, after giving back the one this thread's reads share, if any. When the pool has none to
     * give within its timeout (every connection held by long work), the caller is told the store is busy rather than
     * that it failed.
     */
    private Connection open() {
        giveBackSharedConnection();
        return take();
    }

    private Connection take() {
        try {
            return connections.getConnection();
        } catch (SQLException e) {
            throw translate(database.errors(), "getting a database connection", e);
        }
    }

    private Jdbc jdbc(Connection connection) {
        return new Jdbc(connection, database.statements(), database.errors(), jdbi);
    }

    private void attempt(String what, SqlAction action) {
        try {
            action.run();
        } catch (SQLException e) {
            throw translate(database.errors(), what, e);
        }
    }

    /** Pooled connections go back clean, whatever failed (the work, or the commit itself). */
    private void rollbackQuietly(Connection connection) {
        try {
            database.transactions().rollback(connection);
        } catch (SQLException | RuntimeException e) {
            // no transaction was open any more: nothing to undo
        }
    }

    /**
     * The exception a failure of {@code what} reaches the caller as: busy when the pool had no connection to give
     * or the database server stopped answering (a retry later may succeed), full when the store had no room to
     * write (the write transaction is rolled back whole), a {@link ConstraintViolation} when a rule of the schema
     * was broken, else a plain failure.
     */
    static RuntimeException translate(SqlErrors errors, String what, SQLException e) {
        if (e instanceof SQLTransientConnectionException) {
            return new StoreBusyException("no database connection became free in time: " + e.getMessage(), e);
        }
        if (errors.isUnavailable(e)) {
            return new StoreBusyException("the database does not answer (" + what + "): " + e.getMessage(), e);
        }
        if (errors.isFull(e)) {
            return new StoreFullException("the database has no room left for the write (" + what + "): "
                    + e.getMessage(), e);
        }
        Optional<Constraint> broken = errors.brokenConstraint(e);
        if (broken.isPresent()) {
            return new ConstraintViolation(broken.get(), what + " broke a " + broken.get() + " constraint: "
                    + e.getMessage(), e);
        }
        return new IllegalStateException(what + " failed: " + e.getMessage(), e);
    }
}
