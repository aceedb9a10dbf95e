package io.customerclassification.adapter.jdbi.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.adapter.jdbi.session.ChangeSummary;
import io.customerclassification.application.query.Comparison;
import io.customerclassification.application.query.CustomerProfileField;
import io.customerclassification.application.query.Filter;
import io.customerclassification.application.query.Operator;
import java.util.Set;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PageIndexTest {

    private static PageIndex.Key key(long company) {
        return new PageIndex.Key("customer_profile", company, Filter.all(), List.of());
    }

    /** A commit of this process from {@code before} to {@code after}: rows inserted last, deleted, fields updated. */
    private static void commit(PageIndex index, long before, long after, long inserted, long deleted,
            CustomerProfileField... updated) {
        index.carryForward("customer_profile", 0, new ChangeSummary(before, inserted, deleted, Set.of(updated), true),
                after, CustomerProfileField.ID);
    }

    private static PageIndex.Entry entry(long version, long total) {
        return new PageIndex.Entry(version, total, List.of(), new AtomicLong());
    }

    @Test
    void checkpointsAreBuiltOncePagesHaveSkippedAsManyRowsAsAPassReads() {
        PageIndex index = PageIndex.standard();
        PageIndex.Entry entry = entry(1, 10_000);
        assertFalse(index.shouldBuild(entry, 100), "a shallow page never builds");
        assertFalse(index.shouldBuild(entry, 4_000));
        assertFalse(index.shouldBuild(entry, 5_000));
        assertTrue(index.shouldBuild(entry, 1_000), "10 000 rows skipped: as many as one pass reads");
        assertFalse(index.shouldBuild(entry.withCheckpoints(List.of(List.of(1L))), 9_000), "built once");
    }

    @Test
    void aReaderThatSeesACommitBeforeItIsToldWaitsForItAndKeepsTheEntry() throws Exception {
        PageIndex index = new PageIndex(256, 256, 512, 1.0, 60_000); // a bound no scheduling pause reaches
        index.remember(key(0), entry(7, 10_000).withCheckpoints(List.of(List.of(1L))));
        index.committing("customer_profile", 0, 8);
        Thread committer = new Thread(() -> {
            try {
                Thread.sleep(50); // descheduled between its commit and telling of it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            commit(index, 7, 8, 0, 0, CustomerProfileField.ARCHIVED);
        });
        committer.start();
        PageIndex.Entry found = index.lookup(key(0), 8);
        committer.join();
        assertNotNull(found, "carried once the commit was told, not counted again");
        assertEquals(8, found.version());
        assertEquals(10_000, found.total());
        assertEquals(1, found.checkpoints().size(), "an update of an unsorted field keeps the checkpoints");
        assertNull(new PageIndex(256, 256, 512, 1.0, 60_000).lookup(key(0), 8), "nothing held, nothing waited for");
    }

    @Test
    void aReaderWaitsNoLongerThanTheBoundNorForACommitThatFailed() {
        PageIndex index = PageIndex.standard();
        index.remember(key(0), entry(7, 10_000));
        index.committing("customer_profile", 0, 8);
        long started = System.nanoTime();
        assertNull(index.lookup(key(0), 8), "never told: the reader counts");
        long waited = (System.nanoTime() - started) / 1_000_000L;
        assertTrue(waited >= PageIndex.COMMITTING_WAIT_MILLIS - 1, "waited " + waited + " ms");
        index.abandoned("customer_profile", 0, 8);
        started = System.nanoTime();
        assertNull(index.lookup(key(0), 8));
        assertTrue((System.nanoTime() - started) / 1_000_000L < PageIndex.COMMITTING_WAIT_MILLIS,
                "nothing under way any more: no wait");
    }

    @Test
    void anEntryServesOnlyItsOwnVersion() {
        PageIndex index = PageIndex.standard();
        index.remember(key(0), entry(7, 10_000));
        assertNotNull(index.lookup(key(0), 7));
        assertNull(index.lookup(key(0), 8), "a write moved the version");
        assertNull(index.lookup(key(1), 7), "another company");
    }

    @Test
    void smallResultsAreNotRememberedAndTheLeastRecentlyUsedGoFirst() {
        PageIndex index = new PageIndex(256, 2, 512, 1.0);
        index.remember(key(0), entry(1, 511));
        assertNull(index.lookup(key(0), 1), "cheaper to count again than to keep");
        index.remember(key(1), entry(1, 1_000));
        index.remember(key(2), entry(1, 1_000));
        index.lookup(key(1), 1);
        index.remember(key(3), entry(1, 1_000));
        assertNotNull(index.lookup(key(1), 1));
        assertNull(index.lookup(key(2), 1), "evicted: least recently used");
        assertNotNull(index.lookup(key(3), 1));
    }

    @Test
    void aCountOfTheSameVersionNeverReplacesItsCheckpoints() {
        PageIndex index = PageIndex.standard();
        PageIndex.Entry built = entry(7, 10_000).withCheckpoints(List.of(List.of(1L), List.of(300L)));
        index.remember(key(0), built);
        index.remember(key(0), entry(7, 10_000)); // a reader that counted at version 7 finishes late
        assertEquals(built, index.lookup(key(0), 7));
        index.remember(key(0), entry(8, 10_001));
        assertEquals(entry(8, 10_001).total(), index.lookup(key(0), 8).total(), "a newer version replaces it");
    }

    @Test
    void keyOrderCheckpointsOutliveInsertsOnlyWhenTheDatabaseSaysNewKeysSortLast() {
        List<List<Object>> checkpoints = List.of(List.of(1L), List.of(300L));
        for (boolean insertedLast : List.of(true, false)) {
            PageIndex index = PageIndex.standard();
            index.remember(key(0), entry(7, 10_000).withCheckpoints(checkpoints));
            index.carryForward("customer_profile", 0, new ChangeSummary(7, 2, 0, Set.of(), insertedLast), 9,
                    CustomerProfileField.ID);
            PageIndex.Entry carried = index.lookup(key(0), 9);
            assertEquals(10_002, carried.total(), "an unfiltered total moves by the rows inserted");
            assertEquals(insertedLast ? checkpoints : List.of(), carried.checkpoints(),
                    insertedLast ? "new keys come after every checkpoint" : "a smaller key may have committed later");
        }
    }

    @Test
    void aReaderThatFinishesAfterTheNextCommitLeavesAnEntryTheNewVersionCanUse() {
        PageIndex index = PageIndex.standard();
        List<List<Object>> checkpoints = List.of(List.of(1L), List.of(300L));
        commit(index, 7, 8, 1, 0);
        commit(index, 8, 9, 0, 0, CustomerProfileField.ARCHIVED);
        index.remember(key(0), entry(7, 10_000).withCheckpoints(checkpoints)); // counted at 7, done after two commits
        PageIndex.Entry carried = index.lookup(key(0), 9);
        assertEquals(10_001, carried.total());
        assertEquals(checkpoints, carried.checkpoints(), "an insert in key order and an update of no sorted field");
        assertEquals(10_000, index.lookup(key(0), 7).total(), "a reader still at 7 gets it taken back");
        assertEquals(9, index.lookup(key(0), 9).version(), "what is kept is the newest");
    }

    @Test
    void anOlderEntryNeverReplacesANewerOne() {
        PageIndex index = PageIndex.standard();
        index.remember(key(0), entry(9, 10_002));
        index.remember(key(0), entry(7, 10_000)); // no commit of this process leads from 7 to 9
        assertEquals(10_002, index.lookup(key(0), 9).total());
        List<List<Object>> checkpoints = List.of(List.of(1L), List.of(300L));
        commit(index, 9, 10, 1, 0);
        index.remember(key(0), entry(10, 10_003));
        index.remember(key(0), entry(9, 10_002).withCheckpoints(checkpoints)); // built at 9, done after 10 committed
        assertEquals(checkpoints, index.lookup(key(0), 10).checkpoints(), "carried to 10, it adds what 10 lacked");
    }

    @Test
    void aCommitOfAnotherProcessOrAFalsifyingOneEndsTheCarrying() {
        PageIndex index = PageIndex.standard();
        index.remember(key(0), entry(7, 10_000).withCheckpoints(List.of(List.of(1L))));
        commit(index, 7, 8, 0, 1);
        commit(index, 10, 11, 1, 0); // 8 to 10: another process's commits
        assertNull(index.lookup(key(0), 11), "nothing is known of the commits from 8 to 10");
        PageIndex.Entry afterDelete = index.lookup(key(0), 8);
        assertEquals(9_999, afterDelete.total());
        assertEquals(List.of(), afterDelete.checkpoints(), "a delete moves positions");
        PageIndex.Key filtered = new PageIndex.Key("customer_profile", 0,
                Filter.and(List.of(new Comparison(CustomerProfileField.ARCHIVED, Operator.EQ, List.of(true), false))),
                List.of());
        index.remember(filtered, entry(11, 5_000));
        commit(index, 11, 12, 1, 0);
        assertNull(index.lookup(filtered, 12), "whether the new row matches is not known here");
    }

    @Test
    void aReaderOnAnOlderSnapshotGetsTheNewerEntryTakenBackToItsVersion() {
        PageIndex index = PageIndex.standard();
        List<List<Object>> checkpoints = List.of(List.of(1L), List.of(300L));
        commit(index, 7, 8, 1, 0);
        commit(index, 8, 9, 0, 0, CustomerProfileField.ARCHIVED);
        index.remember(key(0), entry(9, 10_001).withCheckpoints(checkpoints));
        PageIndex.Entry older = index.lookup(key(0), 7);
        assertEquals(10_000, older.total(), "the row inserted after 7 is taken back");
        assertEquals(checkpoints, older.checkpoints(), "it came after every row of version 7");
        assertEquals(9, index.lookup(key(0), 9).version(), "the newer entry stays");
        assertNull(index.lookup(key(0), 6), "no commit of this process leads from 6");
        commit(index, 9, 10, 0, 1);
        index.lookup(key(0), 10);
        assertEquals(List.of(), index.lookup(key(0), 9).checkpoints(), "a delete moved positions");
    }

    @Test
    void aCountThatMissedTheLatestCommitKeepsTheCheckpointsOfTheVersionBefore() {
        PageIndex index = PageIndex.standard();
        List<List<Object>> checkpoints = List.of(List.of(1L), List.of(300L));
        index.remember(key(0), entry(7, 10_000).withCheckpoints(checkpoints));
        // a reader saw version 8 before its commit was remembered, counted, and finishes after it
        commit(index, 7, 8, 1, 0);
        index.remember(key(0), entry(8, 10_001));
        assertEquals(checkpoints, index.lookup(key(0), 8).checkpoints());
    }

    @Test
    void oneRequestAtATimeBuildsAKeysCheckpoints() {
        PageIndex index = PageIndex.standard();
        assertTrue(index.startBuilding(key(0)));
        assertFalse(index.startBuilding(key(0)), "another request is building them");
        assertTrue(index.startBuilding(key(1)), "another key");
        index.doneBuilding(key(0));
        assertTrue(index.startBuilding(key(0)));
    }
}
