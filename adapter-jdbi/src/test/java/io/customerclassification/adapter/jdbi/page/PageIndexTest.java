package io.customerclassification.adapter.jdbi.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.adapter.jdbi.session.ChangeSummary;
import io.customerclassification.application.query.CustomerProfileField;
import io.customerclassification.application.query.Filter;
import java.util.Set;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PageIndexTest {

    private static PageIndex.Key key(long company) {
        return new PageIndex.Key("customer_profile", company, Filter.all(), List.of());
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
    void oneRequestAtATimeBuildsAKeysCheckpoints() {
        PageIndex index = PageIndex.standard();
        assertTrue(index.startBuilding(key(0)));
        assertFalse(index.startBuilding(key(0)), "another request is building them");
        assertTrue(index.startBuilding(key(1)), "another key");
        index.doneBuilding(key(0));
        assertTrue(index.startBuilding(key(0)));
    }
}
