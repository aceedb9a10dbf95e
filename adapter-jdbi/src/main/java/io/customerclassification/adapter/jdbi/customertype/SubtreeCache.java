package io.customerclassification.adapter.jdbi.customertype;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Subtree walks kept for the pages that follow: a client reading a subtree of 10 000 types in pages of 4 000
 * would otherwise walk it once per page. An entry is valid for one {@code cc_change} version of the company's
 * types, which every insert, update and delete moves, whichever process writes; so a hit is exactly what a new
 * walk in the same snapshot would find. The least recently used entries go first, once more than
 * {@link #MAX_ENTRIES} are kept or their keys together exceed {@link #MAX_KEYS} (8 bytes each).
 */
final class SubtreeCache {

    static final int MAX_ENTRIES = 16;
    static final int MAX_KEYS = 500_000;

    private record Start(long company, long key) {}

    private record Entry(long version, Subtree subtree) {}

    private final Map<Start, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private final int maxEntries;
    private final int maxKeys;
    private long keysHeld;

    SubtreeCache() {
        this(MAX_ENTRIES, MAX_KEYS);
    }

    SubtreeCache(int maxEntries, int maxKeys) {
        this.maxEntries = maxEntries;
        this.maxKeys = maxKeys;
    }

    /** The walk from {@code key} at {@code version}, or null. */
    synchronized Subtree get(long company, long key, long version) {
        Entry entry = entries.get(new Start(company, key));
        return entry != null && entry.version() == version ? entry.subtree() : null;
    }

    /** Keeps a walk made at {@code version}; one larger than all the cache may hold is not kept. */
    synchronized void put(long company, long key, long version, Subtree subtree) {
        if (subtree.size() > maxKeys) {
            return;
        }
        Entry replaced = entries.put(new Start(company, key), new Entry(version, subtree));
        if (replaced != null) {
            keysHeld -= replaced.subtree().size();
        }
        keysHeld += subtree.size();
        Iterator<Entry> eldest = entries.values().iterator();
        while (entries.size() > maxEntries || keysHeld > maxKeys) {
            keysHeld -= eldest.next().subtree().size();
            eldest.remove();
        }
    }

    synchronized int entries() {
        return entries.size();
    }
}
