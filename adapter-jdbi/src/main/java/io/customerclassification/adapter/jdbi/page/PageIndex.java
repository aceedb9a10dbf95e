package io.customerclassification.adapter.jdbi.page;

import io.customerclassification.adapter.jdbi.session.ChangeListener;
import io.customerclassification.adapter.jdbi.session.ChangeSummary;

import io.customerclassification.application.query.Comparison;
import io.customerclassification.application.query.Filter;
import io.customerclassification.application.query.QueryField;
import io.customerclassification.application.query.SortKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.List;
import java.util.Map;

/**
 * What a page request needs to know before reading its rows, remembered per company, table, filter and order:
 * the total number of matches and a checkpoint every {@link #interval()} positions (the sort values of the
 * record there). A page at any depth then seeks to the checkpoint before it and skips fewer than
 * {@code interval} rows, instead of counting every match and walking every row before the page.
 *
 * <p>The total is remembered from the first page read at a version; the checkpoints once they pay for
 * themselves ({@link #shouldBuild}).
 *
 * <p>An entry belongs to one version of the company's table ({@code cc_change}, bumped by triggers in the
 * same transaction as every change), so it is exact for every reader that sees that version and is never
 * used by one that does not. Least recently used entries are dropped beyond {@code maxEntries}. The session tells it
 * about the write transactions of this process ({@link ChangeListener}), so that it can carry entries past them.
 */
public final class PageIndex implements ChangeListener {

    /** Rows between checkpoints: a page skips fewer than this many rows after its seek. */
    static final int DEFAULT_INTERVAL = 256;
    static final int DEFAULT_MAX_ENTRIES = 256;

    record Key(String table, long companyId, Filter filter, List<SortKey> sort) {}

    /**
     * @param checkpoints the sort values of the records at positions 0, interval, 2·interval, …; empty until
     *     they pay for themselves (see {@link #shouldBuild})
     * @param skipped rows that pages read at this version skipped without checkpoints
     */
    record Entry(long version, long total, List<List<Object>> checkpoints, AtomicLong skipped) {

        Entry withCheckpoints(List<List<Object>> built) {
            return new Entry(version, total, List.copyOf(built), skipped);
        }
    }

    private final int interval;
    private final int minimumTotal;
    private final double buildAfter;
    private final Map<Key, Entry> entries;
    private final Set<Key> building = ConcurrentHashMap.newKeySet();

    /**
     * @param minimumTotal results smaller than this are not remembered: counting and skipping them is cheap
     * @param buildAfter how many rows, as a share of the total, pages must have skipped at one version before
     *     its checkpoints are built (1: the ski-rental rule; 0: at the first deep page, as tests want)
     */
    public PageIndex(int interval, int maxEntries, int minimumTotal, double buildAfter) {
        if (interval < 1) {
            throw new IllegalArgumentException("interval must be positive");
        }
        this.interval = interval;
        this.minimumTotal = minimumTotal;
        this.buildAfter = buildAfter;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
                return size() > maxEntries;
            }
        };
    }

    public static PageIndex standard() {
        return new PageIndex(DEFAULT_INTERVAL, DEFAULT_MAX_ENTRIES, 2 * DEFAULT_INTERVAL, 1.0);
    }

    int interval() {
        return interval;
    }

    /** The entry for the key, if one was remembered for exactly this version. */
    synchronized Entry lookup(Key key, long version) {
        Entry entry = entries.get(key);
        return entry != null && entry.version() == version ? entry : null;
    }

    /**
     * Whether to build the checkpoints now, for a page that would otherwise skip {@code skip} rows. Building
     * costs one pass over all matches; a page without checkpoints costs a walk over the rows it skips. After a
     * write every entry starts without checkpoints, and they are built once the pages read at that version have
     * skipped as many rows as the pass would read (the ski-rental rule: never more than twice the better
     * choice in hindsight). A read-mostly table gets checkpoints at its first deep pages; a table written all the
     * time never pays for a pass that the next write throws away.
     */
    boolean shouldBuild(Entry entry, long skip) {
        return entry.checkpoints().isEmpty() && skip >= interval
                && entry.skipped().addAndGet(skip) >= buildAfter * entry.total();
    }

    /** Whether a result of this size is worth checkpoints and a place in memory. */
    boolean worthRemembering(long total) {
        return total > 0 && total >= minimumTotal;
    }

    /**
     * After a write transaction committed {@code changes} to one company's table, taking its version from
     * {@code changes.versionBefore()} to {@code versionAfter}: every entry of that version which the changes cannot
     * have falsified is remembered again for the new version, so the next pages need not count. An entry whose
     * filter reads a field the updates may have changed is left behind; so is a filtered one when rows came or
     * went (whether they match is not known here). A filter that matches everything moves its total by the rows
     * inserted and deleted. Its checkpoints stay only where no position can have moved: nothing deleted, no
     * update to a sorted field, and rows inserted only in key order, where they come last — when the database
     * guarantees it ({@link ChangeSummary#insertedLast}).
     *
     * @param identity the table's key field, by which the default order sorts
     */
    @Override
    public synchronized void carryForward(String table, long companyId, ChangeSummary changes, long versionAfter,
            QueryField identity) {
        List<Map.Entry<Key, Entry>> carried = new ArrayList<>();
        for (Map.Entry<Key, Entry> remembered : entries.entrySet()) {
            Key key = remembered.getKey();
            Entry entry = remembered.getValue();
            if (key.table().equals(table) && key.companyId() == companyId && entry.version() == changes.versionBefore()) {
                Entry next = carried(key, entry, changes, versionAfter, identity);
                if (next != null) {
                    carried.add(Map.entry(key, next));
                }
            }
        }
        for (Map.Entry<Key, Entry> next : carried) {
            remember(next.getKey(), next.getValue());
        }
    }

    /** Whether any entry of this company's table is remembered, of whatever version. */
    @Override
    public synchronized boolean holdsAny(String table, long companyId) {
        for (Key key : entries.keySet()) {
            if (key.companyId() == companyId && key.table().equals(table)) {
                return true;
            }
        }
        return false;
    }

    private static Entry carried(Key key, Entry entry, ChangeSummary changes, long versionAfter,
            QueryField identity) {
        if (!Collections.disjoint(fields(key.filter(), new HashSet<>()), changes.updated())) {
            return null;
        }
        boolean matchesAll = key.filter() instanceof Filter.And and && and.operands().isEmpty();
        if (!matchesAll && (changes.inserted() > 0 || changes.deleted() > 0)) {
            return null;
        }
        long total = entry.total() + changes.inserted() - changes.deleted();
        boolean sortedFieldsUntouched = key.sort().stream().noneMatch(sort -> changes.updated().contains(sort.field()));
        boolean keyOrder = key.sort().stream()
                .allMatch(sort -> sort.field().equals(identity) && sort.direction() == SortKey.Direction.ASC);
        boolean positionsKept = changes.deleted() == 0 && sortedFieldsUntouched
                && (changes.inserted() == 0 || keyOrder && changes.insertedLast());
        return positionsKept
                ? new Entry(versionAfter, total, entry.checkpoints(), entry.skipped())
                : new Entry(versionAfter, total, List.of(), new AtomicLong());
    }

    private static Set<QueryField> fields(Filter filter, Set<QueryField> into) {
        if (filter instanceof Filter.And and) {
            and.operands().forEach(operand -> fields(operand, into));
        } else if (filter instanceof Filter.Or or) {
            or.operands().forEach(operand -> fields(operand, into));
        } else if (filter instanceof Filter.Not not) {
            fields(not.operand(), into);
        } else {
            into.add(((Comparison) filter).field());
        }
        return into;
    }

    /**
     * Remembers the entry, unless one of the same version with checkpoints is already there and this one has
     * none: a reader that counted at a version may finish after the writer carried that version's checkpoints
     * forward, or after another reader built them.
     */
    synchronized void remember(Key key, Entry entry) {
        if (worthRemembering(entry.total())) {
            Entry present = entries.get(key);
            if (present != null && present.version() == entry.version() && !present.checkpoints().isEmpty()
                    && entry.checkpoints().isEmpty()) {
                return;
            }
            entries.put(key, entry);
        }
    }

    /**
     * Claims the building of a key's checkpoints: one request builds them while the others of the same moment
     * read their pages without, rather than all of them building the same checkpoints at once.
     *
     * @return false when another request is building them
     */
    boolean startBuilding(Key key) {
        return building.add(key);
    }

    void doneBuilding(Key key) {
        building.remove(key);
    }
}
