package io.customerclassification.adapter.jdbi.session;

/**
 * What a copy into an empty store ({@code StoreCopy}) does around its inserts, in its one write transaction, where
 * the change versions' per-row upkeep costs more than the rows themselves: PostgreSQL keeps every version of the
 * {@code cc_change} row an open transaction bumps, so that 100 000 bumps in one transaction take time that grows
 * with their square. SQLite rewrites the row in place and needs nothing.
 */
public interface BulkLoad {

    /** Before the copy's inserts: rows written from now on need not bump their company's change version. */
    void begin(Jdbc jdbc);

    /** After them, in the same transaction: every company's copied tables move to a change version of their own. */
    void end(Jdbc jdbc);

    /** For a database whose change versions cost little per row. */
    BulkLoad NOTHING_TO_DO = new BulkLoad() {
        @Override
        public void begin(Jdbc jdbc) {}

        @Override
        public void end(Jdbc jdbc) {}
    };
}
