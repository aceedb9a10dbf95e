package io.customerclassification.adapter.jdbi.session;

import io.customerclassification.application.port.out.StoreFullException;
import io.customerclassification.application.port.out.TransactionPort;
import java.sql.Connection;
import java.sql.SQLException;
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
 * writers of this process take turns at a fair lock before they take a connection.
 *
 * <p>Writers that queue while a write transaction is open share it (group commit): each runs its work on its own
 * thread, in turn, under a savepoint of its own, so that a refusal undoes only its own writes; the last one commits
 * for all, and every one is answered only after that commit (docs/persistence.md, "Group commit").
 */
public final class Session implements TransactionPort {

    /** What differs from one database to the next in how the session works. */
    public record Database(Transactions transactions, SqlErrors errors, PreparedStatements statements,
            Maintenance maintenance) {}

    /** The change version of a company's table, which triggers move with every insert, update and delete. */
    private static final String CHANGE_VERSION = "SELECT version FROM cc_change WHERE table_name = ? AND company_id = ?";

    /** A member's part of a batch: the batch's connection, and what the member's own work changes. */
    private record WriteTransaction(WriteBatch batch, Changes changes) {

        Jdbc jdbc() {
            return batch.jdbc;
        }
    }

    @FunctionalInterface
    interface SqlAction {
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
    /** The batch of writers whose transaction is open; read and written in turn at {@link #writers}. */
    private WriteBatch open;
    /** The most writers one batch takes before it commits, even with more waiting. */
    private final int groupLimit;
    private final LentConnectionJdbi jdbi = new LentConnectionJdbi();
    /** When a write found the store full, until a write commits again; null while writes fit. */
    private volatile Instant fullSince;

    /** The most writers one batch takes by default (docs/performance.md measures the choice). */
    public static final int DEFAULT_GROUP_LIMIT = 64;

    public Session(DataSource connections, Database database, ChangeListener listener) {
        this(connections, database, listener, DEFAULT_GROUP_LIMIT);
    }

    /**
     * @param groupLimit the most writers one write transaction takes (1: a transaction of its own for each)
     */
    public Session(DataSource connections, Database database, ChangeListener listener, int groupLimit) {
        if (groupLimit < 1) {
            throw new IllegalArgumentException("a batch takes one writer at least");
        }
        this.connections = connections;
        this.database = database;
        this.listener = listener;
        this.groupLimit = groupLimit;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        writers.lock();
        WriteBatch batch;
        try {
            batch = open != null ? open : begin();
        } catch (RuntimeException e) {
            writers.unlock();
            throw e;
        }
        BatchMember<T> member = batch.run(work);
        if (!batch.ended && batch.members < groupLimit && writers.hasQueuedThreads()) {
            writers.unlock();
            return member.answer(batch.awaitEnd());
        }
        try {
            if (!batch.ended) {
                end(batch);
            }
            return member.answer(batch.failure);
        } finally {
            writers.unlock();
        }
    }

    /** Takes a connection and starts the write transaction a batch of writers shares; called in turn. */
    private WriteBatch begin() {
        Connection connection = open();
        try {
            attempt("starting a write transaction", () -> database.transactions().beginWrite(connection));
        } catch (RuntimeException e) {
            rollbackQuietly(connection);
            closeQuietly(connection);
            throw e;
        }
        open = new WriteBatch(this, connection, jdbc(connection));
        return open;
    }

    /**
     * Commits the batch, then tells the listener what its members changed; or rolls it back whole when the commit
     * fails. Either way the connection goes back to the pool and every member waiting is woken with the outcome.
     * Called in turn, by the member that closes the batch. A failure of the upkeep after a commit reaches that
     * member only: the others' writes are committed.
     */
    private void end(WriteBatch batch) {
        Transactions transactions = database.transactions();
        Map<Changes.Table, Long> versionsAfter;
        try {
            versionsAfter = versionsAfter(batch);
        } catch (RuntimeException | Error e) {
            abandon(batch, e);
            return;
        }
        versionsAfter.forEach((table, version) -> listener.committing(table.name(), table.companyId(), version));
        try {
            attempt("committing a write transaction", () -> transactions.commit(batch.connection));
        } catch (RuntimeException | Error e) {
            versionsAfter.forEach((table, version) -> listener.abandoned(table.name(), table.companyId(), version));
            abandon(batch, e);
            return;
        }
        fullSince = null;
        try {
            versionsAfter.forEach((table, version) -> listener.carryForward(table.name(), table.companyId(),
                    batch.changes.of(table).summary(transactions.keysFollowCommitOrder()), version, table.identity()));
            attempt("the upkeep after a commit", () -> database.maintenance().afterCommit(batch.connection));
        } finally {
            batch.jdbc.release();
            closeQuietly(batch.connection);
            finish(batch, null);
        }
    }

    /** Makes the batch the thread's write transaction while a member's work runs; {@code own} gets its changes. */
    void enter(WriteBatch batch, Changes own) {
        current.set(new WriteTransaction(batch, own));
    }

    void leave() {
        current.remove();
    }

    /** Rolls back a batch whose transaction a member's failure left unusable, and wakes its members. */
    void abandon(WriteBatch batch, Throwable failure) {
        rollbackQuietly(batch.connection);
        batch.jdbc.release();
        closeQuietly(batch.connection);
        finish(batch, failure);
    }

    private void finish(WriteBatch batch, Throwable failure) {
        if (failure instanceof StoreFullException && fullSince == null) {
            fullSince = Instant.now();
        }
        open = null;
        batch.end(failure);
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
                Connection connection = current.get().batch().connection;
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
     * Work on one connection: the thread's write transaction's, else a pooled one, in autocommit.
     */
    public <T> T read(Function<Jdbc, T> work) {
        WriteTransaction transaction = current.get();
        if (transaction != null) {
            return work.apply(transaction.jdbc());
        }
        try (Connection connection = open()) {
            Jdbc jdbc = jdbc(connection);
            try {
                return work.apply(jdbc);
            } finally {
                jdbc.release();
            }
        } catch (SQLException e) {
            throw StoreFailures.translate(database.errors(), "closing a connection", e);
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
            throw StoreFailures.translate(database.errors(), "closing a connection", e);
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
            Changes batchChanges = transaction.batch().changes;
            Changes.Counts batchCounts = batchChanges.of(key);
            if (batchCounts == null) {
                batchCounts = batchChanges.start(key, listener.holdsAny(key.name(), companyId)
                        ? changeVersion(transaction.jdbc(), key.name(), companyId)
                        : Changes.NOTHING_TO_CARRY);
            }
            counts = transaction.changes().start(key, batchCounts.versionBefore);
        }
        return new TableChanges(counts);
    }

    /** The change version of a company's table as {@code jdbc}'s connection sees it (0 before its first change). */
    public long changeVersion(Jdbc jdbc, String table, long companyId) {
        return jdbc.first(CHANGE_VERSION, row -> row.getLong(1), table, companyId).orElse(0L);
    }

    /** The versions after the batch's changes, of the tables whose version before was read. */
    private Map<Changes.Table, Long> versionsAfter(WriteBatch batch) {
        Map<Changes.Table, Long> versions = new HashMap<>();
        batch.changes.tables().forEach((table, counts) -> {
            if (counts.versionBefore != Changes.NOTHING_TO_CARRY) {
                versions.put(table, changeVersion(batch.jdbc, table.name(), table.companyId()));
            }
        });
        return versions;
    }

    /**
     * A pooled connection. When the pool has none to give within its timeout (every connection held by long work),
     * the caller is told the store is busy rather than that it failed.
     */
    private Connection open() {
        try {
            return connections.getConnection();
        } catch (SQLException e) {
            throw StoreFailures.translate(database.errors(), "getting a database connection", e);
        }
    }

    private Jdbc jdbc(Connection connection) {
        return new Jdbc(connection, database.statements(), database.errors(), jdbi);
    }

    void attempt(String what, SqlAction action) {
        try {
            action.run();
        } catch (SQLException e) {
            throw StoreFailures.translate(database.errors(), what, e);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // the connection is broken: the pool drops it
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
}
