package io.customerclassification.adapter.jdbi.session;

import io.customerclassification.application.query.QueryField;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a write transaction, or one writer's part of it, did to each company's rows of a tracked table, as far as a
 * page can tell: how many rows it inserted, how many it deleted, and which fields its updates may have changed; with
 * the table's change version before the transaction's first change to it. Each writer of a shared transaction
 * counts its own; the transaction's sum takes a writer's counts only once its work succeeded, so that a writer
 * rolled back to its savepoint leaves nothing behind. After the commit the session hands the sum to its
 * {@link ChangeListener}, which carries forward what the changes cannot have falsified. Used in turn, inside the
 * write transaction, where no other writer, of this process or another, can move the versions.
 */
final class Changes {

    /** A company's rows of a table; {@code identity} is the table's key field, by which its default order sorts. */
    record Table(String name, long companyId, QueryField identity) {}

    /** The changes to one company's rows of a table, summed over the transaction. */
    static final class Counts {
        final long versionBefore;
        long inserted;
        long deleted;
        final Set<QueryField> updated = new HashSet<>();

        Counts(long versionBefore) {
            this.versionBefore = versionBefore;
        }

        ChangeSummary summary(boolean insertedLast) {
            return new ChangeSummary(versionBefore, inserted, deleted, Set.copyOf(updated), insertedLast);
        }
    }

    /**
     * The version before, when there is nothing to carry: the listener held nothing of the table when the
     * transaction first changed it, so the versions are not read at all (a write-only load pays nothing).
     */
    static final long NOTHING_TO_CARRY = -1;

    private final Map<Table, Counts> tables = new HashMap<>();

    /** The counts of a table, or null before the transaction's first change to it. */
    Counts of(Table table) {
        return tables.get(table);
    }

    /** Called before the transaction's first change to the table, with the version read then. */
    Counts start(Table table, long versionBefore) {
        Counts counts = new Counts(versionBefore);
        tables.put(table, counts);
        return counts;
    }

    /** Adds what a member of the batch changed, once its work succeeded; its tables were started here before. */
    void addAll(Changes member) {
        member.tables.forEach((table, counts) -> {
            Counts sum = tables.get(table);
            sum.inserted += counts.inserted;
            sum.deleted += counts.deleted;
            sum.updated.addAll(counts.updated);
        });
    }

    Map<Table, Counts> tables() {
        return tables;
    }
}
