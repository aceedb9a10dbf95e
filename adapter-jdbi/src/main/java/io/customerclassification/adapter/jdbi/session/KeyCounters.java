package io.customerclassification.adapter.jdbi.session;

/**
 * The counters that hand out a table's keys (SQLite's {@code sqlite_sequence}, PostgreSQL's identity sequences):
 * what a copy of a store carries over, so that the copy never hands out a key the original already did, even one
 * whose row was deleted since.
 */
public interface KeyCounters {

    /** The largest key the counter of {@code table}'s key column ever handed out; 0 when none. */
    long taken(Jdbc jdbc, String table, String keyColumn);

    /** From now on the counter hands out keys above {@code key} only (it never goes back). */
    void takeUpTo(Jdbc jdbc, String table, String keyColumn, long key);
}
