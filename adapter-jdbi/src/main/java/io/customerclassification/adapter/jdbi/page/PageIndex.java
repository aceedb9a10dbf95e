package io.customerclassification.adapter.jdbi.page;

import io.customerclassification.adapter.jdbi.session.ChangeListener;
import io.customerclassification.adapter.jdbi.session.ChangeSummary;

import io.customerclassification.application.query.Comparison;
import io.customerclassification.application.query.Filter;
import io.customerclassification.application.query.QueryField;
import io.customerclassification.application.query.SortKey;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
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
 *
 * <p>Entries are carried when they are used, not when the write commits: the index keeps the last
 * {@link #TRANSITIONS_KEPT} commits of each table (the versions before and after, and what changed), and brings an
 * entry of an older version forward through them. So a reader that counted at a version and finishes after the
 * next commit still leaves an entry the following readers can use, however often the table is written; a commit
 * of another process leaves a gap in the chain, and the entries before it are not used again.
 */
public final class PageIndex implements ChangeListener {

    /** Rows between checkpoints: a page skips fewer than this many rows after its seek. */
    static final int DEFAULT_INTERVAL = 256;
    static final int DEFAULT_MAX_ENTRIES = 256;
    /**
     * Commits remembered per table: enough for a reader that builds checkpoints over a large table while hundreds
     * of writes a second commit to carry them past those writes.
     */
    static final int TRANSITIONS_KEPT = 512;
    /**
     * The longest a reader waits by default for a commit of this process to be told ({@link #committing}): many
     * times the hand-off, and less than a count of a large table costs.
     */
    static final long COMMITTING_WAIT_MILLIS = 20;
    /** Tables whose commits are remembered, the least recently written dropped first. */
    static final int TABLES_KEPT = 32;

    record Key(String table, long companyId, Filter filter, List<SortKey> sort) {}

    /** A company's rows of a table. */
    private record Table(String name, long companyId) {}

    /** A commit of this process: the table's versions before and after it, and what it changed. */
    private record Transition(long before, long after, ChangeSummary changes, QueryField identity) {}

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
    private final long committingWaitMillis;
    private final int minimumTotal;
    private final double buildAfter;
    private final Map<Key, Entry> entries;
    private final Map<Table, ArrayDeque<Transition>> transitions;
    /** Per table, the version a commit of this process reaches that is under way and not yet told; read in turn. */
    private final Map<Table, Long> committing = new HashMap<>();
    private final Set<Key> building = ConcurrentHashMap.newKeySet();

    /**
     * @param minimumTotal results smaller than this are not remembered: counting and skipping them is cheap
     * @param buildAfter how many rows, as a share of the total, pages must have skipped at one version before
     *     its checkpoints are built (1: the ski-rental rule; 0: at the first deep page, as tests want)
     */
    public PageIndex(int interval, int maxEntries, int minimumTotal, double buildAfter) {
        this(interval, maxEntries, minimumTotal, buildAfter, COMMITTING_WAIT_MILLIS);
    }

    /** @param committingWaitMillis the longest a reader waits for a commit of this process to be told */
    PageIndex(int interval, int maxEntries, int minimumTotal, double buildAfter, long committingWaitMillis) {
        if (interval < 1) {
            throw new IllegalArgumentException("interval must be positive");
        }
        this.committingWaitMillis = committingWaitMillis;
        this.interval = interval;
        this.minimumTotal = minimumTotal;
        this.buildAfter = buildAfter;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
                return size() > maxEntries;
            }
        };
        this.transitions = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Table, ArrayDeque<Transition>> eldest) {
                return size() > TABLES_KEPT;
            }
        };
    }

    public static PageIndex standard() {
        return new PageIndex(DEFAULT_INTERVAL, DEFAULT_MAX_ENTRIES, 2 * DEFAULT_INTERVAL, 1.0);
    }

    int interval() {
        return interval;
    }

    /**
     * The entry for the key at exactly this version: the one remembered for it, or one remembered for another
     * version and carried forward (or, for a reader whose snapshot is older, back) through this process's commits
     * in between.
     */
    synchronized Entry lookup(Key key, long version) {
        Entry found = lookupNow(key, version);
        if (found == null && entries.containsKey(key)
                && awaitCommitting(new Table(key.table(), key.companyId()), version)) {
            found = lookupNow(key, version);
        }
        return found;
    }

    private Entry lookupNow(Key key, long version) {
        Entry entry = entries.get(key);
        if (entry == null || entry.version() == version) {
            return entry;
        }
        if (entry.version() > version) {
            return carriedBack(key, entry, version); // for this reader only: the newer entry stays
        }
        Entry carried = carried(key, entry, version);
        if (carried != null) {
            entries.put(key, carried);
        }
        return carried;
    }

    /**
     * Waits, up to its bound ({@link #COMMITTING_WAIT_MILLIS} by default), while a commit of this process that reaches {@code version} of
     * the table has committed but not yet been told ({@link #committing}); true when one was waited for. The
     * committing thread tells right after its commit, so the wait is a hand-off, and a count of a large table
     * costs far more.
     */
    private boolean awaitCommitting(Table table, long version) {
        Long pending = committing.get(table);
        if (pending == null || pending < version) {
            return false;
        }
        long deadline = System.nanoTime() + committingWaitMillis * 1_000_000L;
        try {
            while ((pending = committing.get(table)) != null && pending >= version) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                wait(Math.max(1, left / 1_000_000L));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return true;
    }

    @Override
    public synchronized void committing(String table, long companyId, long versionAfter) {
        committing.merge(new Table(table, companyId), versionAfter, Math::max);
    }

    @Override
    public synchronized void abandoned(String table, long companyId, long versionAfter) {
        committing.remove(new Table(table, companyId), versionAfter);
        notifyAll();
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
     * {@code changes.versionBefore()} to {@code versionAfter}: remembers the commit, so that every entry of the
     * version before which the changes cannot have falsified can be used again at the version after. An entry whose
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
        Table key = new Table(table, companyId);
        ArrayDeque<Transition> log = transitions.computeIfAbsent(key, t -> new ArrayDeque<>());
        log.addLast(new Transition(changes.versionBefore(), versionAfter, changes, identity));
        if (log.size() > TRANSITIONS_KEPT) {
            log.removeFirst();
        }
        committing.remove(key, versionAfter);
        notifyAll();
    }

    /**
     * The entry brought forward to {@code version} through the table's remembered commits, in commit order; null
     * when a commit on the way is not remembered (another process's, or one too old) or falsified the entry.
     */
    private Entry carried(Key key, Entry entry, long version) {
        ArrayDeque<Transition> log = transitions.get(new Table(key.table(), key.companyId()));
        if (log == null) {
            return null;
        }
        // from the newest back to the commit that starts at the entry's version, then forward through them
        ArrayDeque<Transition> path = new ArrayDeque<>();
        for (Iterator<Transition> newestFirst = log.descendingIterator(); newestFirst.hasNext(); ) {
            Transition transition = newestFirst.next();
            if (transition.after() <= entry.version()) {
                return null;
            }
            if (transition.after() <= version) {
                path.push(transition);
            }
            if (transition.before() == entry.version()) {
                break;
            }
        }
        Entry at = entry;
        for (Transition transition : path) {
            if (transition.before() != at.version()) {
                return null; // a commit of another process lies between
            }
            at = carried(key, at, transition.changes(), transition.after(), transition.identity());
            if (at == null) {
                return null;
            }
        }
        return at.version() == version ? at : null;
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
        Step step = step(key, changes, identity);
        if (step == null) {
            return null;
        }
        long total = entry.total() + step.moved();
        return step.positionsKept()
                ? new Entry(versionAfter, total, entry.checkpoints(), entry.skipped())
                : new Entry(versionAfter, total, List.of(), new AtomicLong());
    }

    /**
     * What one commit does to an entry of the key: null when it may have falsified it, else how far its total
     * moves and whether every position it knows is kept.
     */
    private static Step step(Key key, ChangeSummary changes, QueryField identity) {
        if (!Collections.disjoint(fields(key.filter(), new HashSet<>()), changes.updated())) {
            return null;
        }
        boolean matchesAll = key.filter() instanceof Filter.And and && and.operands().isEmpty();
        if (!matchesAll && (changes.inserted() > 0 || changes.deleted() > 0)) {
            return null;
        }
        boolean sortedFieldsUntouched = key.sort().stream().noneMatch(sort -> changes.updated().contains(sort.field()));
        boolean keyOrder = key.sort().stream()
                .allMatch(sort -> sort.field().equals(identity) && sort.direction() == SortKey.Direction.ASC);
        boolean positionsKept = changes.deleted() == 0 && sortedFieldsUntouched
                && (changes.inserted() == 0 || keyOrder && changes.insertedLast());
        return new Step(changes.inserted() - changes.deleted(), positionsKept);
    }

    private record Step(long moved, boolean positionsKept) {}

    /**
     * The entry as it was at an older {@code version}, for a reader whose snapshot began before the commits that
     * brought the entry to its own: it holds when none of those commits falsified it. Its total is taken back by
     * the rows they inserted and deleted. Its checkpoints hold when no commit moved a position: rows inserted in key
     * order come after every row of the older version, so a checkpoint before the older total is the same row in
     * both. Null when a commit on the way is not remembered or falsified it.
     */
    private Entry carriedBack(Key key, Entry entry, long version) {
        ArrayDeque<Transition> log = transitions.get(new Table(key.table(), key.companyId()));
        if (log == null) {
            return null;
        }
        long expectedAfter = entry.version();
        long total = entry.total();
        boolean positionsKept = true;
        for (Iterator<Transition> newestFirst = log.descendingIterator(); newestFirst.hasNext(); ) {
            Transition transition = newestFirst.next();
            if (transition.before() >= expectedAfter) {
                continue; // newer than the entry
            }
            if (transition.after() != expectedAfter || transition.before() < version) {
                return null; // a commit of another process lies between, or the version is not one of this chain
            }
            Step step = step(key, transition.changes(), transition.identity());
            if (step == null) {
                return null;
            }
            total -= step.moved();
            positionsKept &= step.positionsKept();
            expectedAfter = transition.before();
            if (expectedAfter == version) {
                return new Entry(version, total, positionsKept ? entry.checkpoints() : List.of(), new AtomicLong());
            }
        }
        return null;
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
     * Remembers the entry, unless the one already there is as new and as complete: a reader that counted or built
     * checkpoints at a version may finish after another reader built them, or after the table moved on to a newer
     * version. An entry older than the one there is carried forward to it first, and kept only if that gives the
     * newer version checkpoints it lacked.
     */
    synchronized void remember(Key key, Entry entry) {
        if (!worthRemembering(entry.total())) {
            return;
        }
        Entry present = entries.get(key);
        if (present != null && present.version() > entry.version()) {
            entry = carried(key, entry, present.version());
            if (entry == null) {
                return;
            }
        } else if (present != null && present.version() < entry.version() && entry.checkpoints().isEmpty()) {
            // a reader that counted before the commit it saw was remembered: the older entry may carry checkpoints
            Entry carried = carried(key, present, entry.version());
            if (carried != null && !carried.checkpoints().isEmpty()) {
                entry = carried;
            }
        }
        if (present != null && present.version() == entry.version() && !present.checkpoints().isEmpty()
                && entry.checkpoints().isEmpty()) {
            return;
        }
        entries.put(key, entry);
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
