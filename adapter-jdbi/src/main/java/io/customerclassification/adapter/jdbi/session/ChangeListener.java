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
}
