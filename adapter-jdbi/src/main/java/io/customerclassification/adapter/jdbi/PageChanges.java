package io.customerclassification.adapter.jdbi;

import io.customerclassification.application.query.QueryField;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What one write transaction did to each company's table, as far as a page can tell: how many rows it inserted
 * (each with a key above every existing one, since keys are {@code AUTOINCREMENT}), how many it deleted, and
 * which fields its updates may have changed; with the table's change version before the first of them. After the
 * commit, {@link PageIndex#carryForward} moves the entries those changes cannot have falsified to the version the
 * transaction committed, instead of every later page counting anew. Used by one thread, inside its write
 * transaction (where no other writer, in this process or another, can move the versions).
 */
final class PageChanges {

    /** @param identity the table's key field, by which its default order sorts */
    record Table(String name, long companyId, QueryField identity) {}

    /** The changes to one company's table, summed over the transaction. */
    static final class Summary {
        final long versionBefore;
        long inserted;
        long deleted;
        final Set<QueryField> updated = new HashSet<>();

        Summary(long versionBefore) {
            this.versionBefore = versionBefore;
        }
    }

    /**
     * The version before, when there was nothing to carry: the page index held no entry of the table when the
     * transaction first changed it, so the versions are not read at all (a write-only load pays nothing).
     */
    static final long NOTHING_TO_CARRY = -1;

    private final Map<Table, Summary> tables = new HashMap<>();

    /** Whether the version before the transaction's first change to this table is already known. */
    boolean knows(Table table) {
        return tables.containsKey(table);
    }

    /** Called before the transaction's first change to the table, with the version it reads then. */
    void before(Table table, long version) {
        tables.putIfAbsent(table, new Summary(version));
    }

    void inserted(Table table) {
        summary(table).inserted++;
    }

    void deleted(Table table) {
        summary(table).deleted++;
    }

    void updated(Table table, Set<? extends QueryField> fields) {
        summary(table).updated.addAll(fields);
    }

    Map<Table, Summary> tables() {
        return tables;
    }

    private Summary summary(Table table) {
        Summary summary = tables.get(table);
        if (summary == null) {
            throw new IllegalStateException("no version read before the first change to " + table);
        }
        return summary;
    }
}
