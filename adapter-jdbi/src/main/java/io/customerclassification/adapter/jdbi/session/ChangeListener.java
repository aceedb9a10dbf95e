package io.customerclassification.adapter.jdbi.session;

import io.customerclassification.application.query.QueryField;

/**
 * What the session tells about the write transactions it commits: the page index keeps what it knows of a table
 * per change version, and carries it past the writes of this process that cannot have falsified it.
 */
public interface ChangeListener {

    /** Whether anything of the company's table is held: if nothing is, a write does not read the table's versions. */
    boolean holdsAny(String table, long companyId);

    /**
     * A write transaction committed {@code changes} to one company's table, taking its change version from
     * {@code changes.versionBefore()} to {@code versionAfter}.
     *
     * @param identity the table's key field, by which its default order sorts
     */
    void carryForward(String table, long companyId, ChangeSummary changes, long versionAfter, QueryField identity);

    /**
     * A write transaction of this process is about to commit a change of the company's table to {@code versionAfter}:
     * a reader may see that version before {@link #carryForward} is told of it, and waits for it rather than
     * taking the version for another process's.
     */
    default void committing(String table, long companyId, long versionAfter) {}

    /** The commit announced by {@link #committing} failed: nothing reached {@code versionAfter}. */
    default void abandoned(String table, long companyId, long versionAfter) {}
}
