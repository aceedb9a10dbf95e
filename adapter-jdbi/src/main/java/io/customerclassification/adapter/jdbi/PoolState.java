package io.customerclassification.adapter.jdbi;

/**
 * The connection pool of a store at one moment, for the metrics.
 *
 * @param active connections lent to work
 * @param idle connections open and free
 * @param waiting threads waiting for a connection
 * @param maximum the pool's size
 */
public record PoolState(int active, int idle, int waiting, int maximum) {

    /** A store without a pool of its own (a data source of the caller's). */
    public static final PoolState NONE = new PoolState(0, 0, 0, 0);
}
