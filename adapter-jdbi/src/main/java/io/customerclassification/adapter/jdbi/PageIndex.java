package io.customerclassification.adapter.jdbi;

import io.customerclassification.application.query.Filter;
import io.customerclassification.application.query.SortKey;
import java.util.LinkedHashMap;
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
 * used by one that does not. Least recently used entries are dropped beyond {@code maxEntries}.
 */
final class PageIndex {

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

    /**
     * @param minimumTotal results smaller than this are not remembered: counting and skipping them is cheap
     * @param buildAfter how many rows, as a share of the total, pages must have skipped at one version before
     *     its checkpoints are built (1: the ski-rental rule; 0: at the first deep page, as tests want)
     */
    PageIndex(int interval, int maxEntries, int minimumTotal, double buildAfter) {
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

    static PageIndex standard() {
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

    synchronized void remember(Key key, Entry entry) {
        if (worthRemembering(entry.total())) {
            entries.put(key, entry);
        }
    }
}
