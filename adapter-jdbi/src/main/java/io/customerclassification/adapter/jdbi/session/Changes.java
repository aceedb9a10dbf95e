package io.customerclassification.adapter.jdbi.session;

import io.customerclassification.application.query.QueryField;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What one write transaction did to each company's rows of a tracked table, as far as a page can tell: how many rows
 * it inserted, how many it deleted, and which
 * fields its updates may have changed; with the table's change version before the first of them. After the commit
 * the session hands them to its {@link ChangeListener}, which carries forward what the changes cannot have
 * falsified. Used by one thread, inside its write transaction, where no other writer, of this process or another,
 * can move the versions.
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

    Map<Table, Counts> tables() {
        return tables;
    }
}
