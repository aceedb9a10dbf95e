package io.customerclassification.adapter.jdbi;

import io.customerclassification.application.query.Filter;
import io.customerclassification.application.query.SortKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a page request needs to know before reading its rows, remembered per company, table, filter and order:
 * the total number of matches and a checkpoint every {@link #interval()} positions (the sort values of the
 * record there). A page at any depth then seeks to the checkpoint before it and skips fewer than
 * {@code interval} rows, instead of counting every match and walking every row before the page.
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

    /** @param checkpoints the sort values of the records at positions 0, interval, 2·interval, … */
    record Entry(long version, long total, List<List<Object>> checkpoints) {}

    private final int interval;
    private final int minimumTotal;
    private final Map<Key, Entry> entries;

    /**
     * @param minimumTotal results smaller than this are not remembered: counting and skipping them is cheap
     */
    PageIndex(int interval, int maxEntries, int minimumTotal) {
        if (interval < 1) {
            throw new IllegalArgumentException("interval must be positive");
        }
        this.interval = interval;
        this.minimumTotal = minimumTotal;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
                return size() > maxEntries;
            }
        };
    }

    static PageIndex standard() {
        return new PageIndex(DEFAULT_INTERVAL, DEFAULT_MAX_ENTRIES, 2 * DEFAULT_INTERVAL);
    }

    int interval() {
        return interval;
    }

    /** The entry for the key, if one was remembered for exactly this version. */
    synchronized Entry lookup(Key key, long version) {
        Entry entry = entries.get(key);
        return entry != null && entry.version() == version ? entry : null;
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
