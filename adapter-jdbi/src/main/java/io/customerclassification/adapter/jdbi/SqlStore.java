package io.customerclassification.adapter.jdbi;

import io.customerclassification.adapter.jdbi.session.BulkLoad;
import io.customerclassification.adapter.jdbi.session.KeyCounters;
import java.time.Instant;
import java.util.Optional;

/**
 * One opened SQL database with every out-port over it: SQLite ({@code SqliteDatabase}) or PostgreSQL
 * ({@code PostgresDatabase}). Safe to share between threads; closing it closes its connections.
 */
public interface SqlStore extends AutoCloseable {

    /** Every out-port, by aggregate. */
    Stores stores();

    /** Whether the database answers a trivial query. */
    boolean isReachable();

    /**
     * When a write found the store full (its disk, or the size it may grow to), while no write has fit since.
     * While it is full, a write that leaves nothing behind is tried at most once a second, so that the store is seen
     * writable again once space is freed, even if no client writes.
     */
    Optional<Instant> fullSince();

    /** The counters that hand out the tables' keys, for a copy of the store ({@code StoreCopy}). */
    KeyCounters keyCounters();

    /** What a copy into this store does around its inserts ({@code StoreCopy}). */
    BulkLoad bulkLoad();

    /** The connection pool's figures now, for the metrics. */
    PoolState poolState();

    @Override
    void close();
}
