package io.customerclassification.adapter.jdbi.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.customerclassification.adapter.jdbi.Stores;
import io.customerclassification.application.port.out.StoreFullException;
import io.customerclassification.application.query.Criteria;
import io.customerclassification.application.query.Paging;
import io.customerclassification.domain.customerprofile.CustomerProfile;
import io.customerclassification.domain.customerprofile.CustomerProfileDraft;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * A store with no room left (SQLite's {@code max_page_count} stands for a full disk: both are SQLITE_FULL): a
 * write is refused whole as {@link StoreFullException}, what was stored stays intact and readable, and writes
 * resume by themselves once there is room again.
 */
class StoreFullTest {

    private static final CompanyId C0 = CompanyId.DEFAULT;

    @TempDir
    Path folder;

    /** The database file, migrated, reopened with room for {@code extraPages} more pages than it has. */
    private SQLiteDataSource capped(Path file, int extraPages) throws SQLException {
        SqliteDatabase.open(file).close();
        SQLiteDataSource dataSource = new SQLiteDataSource(new SQLiteConfig());
        dataSource.setUrl("jdbc:sqlite:" + file);
        int pages;
        try (Connection connection = dataSource.getConnection();
                var statement = connection.createStatement();
                var rows = statement.executeQuery("PRAGMA page_count")) {
            rows.next();
            pages = rows.getInt(1);
        }
        dataSource.setMaxPageCount(pages + extraPages);
        return dataSource;
    }

    private static CustomerProfileDraft draft(int i) {
        return new CustomerProfileDraft(C0, Name.of(i + " " + "x".repeat(240)), false);
    }

    @Test
    void aWriteThatFindsNoRoomIsRefusedWholeAndWritesResumeOnceThereIsRoom() throws Exception {
        Path file = folder.resolve("full.db");
        SQLiteDataSource dataSource = capped(file, 8);
        SqliteDatabase database = SqliteDatabase.open(dataSource);
        Stores store = database.stores();
        List<CustomerProfile> stored = new ArrayList<>();
        StoreFullException full = null;
        for (int i = 0; i < 10_000 && full == null; i++) {
            CustomerProfileDraft draft = draft(i);
            try {
                stored.add(store.transactions().inTransaction(() -> store.customerProfiles().insertCustomerProfile(draft)));
            } catch (StoreFullException e) {
                full = e;
            }
        }
        if (full == null) {
            fail("10 000 profiles fitted in 8 pages");
        }
        assertFalse(stored.isEmpty(), "some profiles fitted before the store was full");
        assertTrue(database.fullSince().isPresent(), "the store knows it is full");

        var page = store.customerProfiles().findCustomerProfiles(C0, Criteria.all(Paging.of(0, 4000)));
        assertEquals(stored, page.items(), "every acknowledged write is there, the refused one is not");
        try (Connection connection = dataSource.getConnection();
                var statement = connection.createStatement();
                var rows = statement.executeQuery("PRAGMA integrity_check")) {
            rows.next();
            assertEquals("ok", rows.getString(1));
        }

        assertTrue(database.fullSince().isPresent(), "still full: the check for room found none");
        dataSource.setMaxPageCount(1_000_000);
        Thread.sleep(1_100); // the store checks for room at most once a second
        assertTrue(database.fullSince().isEmpty(), "room again, seen without any client write");
        CustomerProfileDraft next = draft(stored.size() + 1);
        assertEquals(next.name(), store.transactions().inTransaction(() -> store.customerProfiles().insertCustomerProfile(next)).name());
        database.close();
    }

    @Test
    void aSuccessfulWriteClearsTheFullState() throws Exception {
        SqliteDatabase database = SqliteDatabase.open(capped(folder.resolve("freed.db"), 8));
        Stores store = database.stores();
        List<CustomerProfile> stored = new ArrayList<>();
        for (int i = 0; database.fullSince().isEmpty(); i++) {
            CustomerProfileDraft draft = draft(i);
            try {
                stored.add(store.transactions().inTransaction(() -> store.customerProfiles().insertCustomerProfile(draft)));
            } catch (StoreFullException e) {
                // the state is checked by the loop
            }
        }
        for (CustomerProfile profile : stored.subList(0, stored.size() / 2)) {
            store.transactions().inTransaction(() -> store.customerProfiles().deleteCustomerProfile(C0, profile.id()));
        }
        assertTrue(database.fullSince().isEmpty(), "a delete needs no new page, so it commits and clears the state");
        CustomerProfileDraft again = draft(0);
        assertEquals(again.name(), store.transactions().inTransaction(() -> store.customerProfiles().insertCustomerProfile(again)).name(),
                "the freed pages take new rows");
        database.close();
    }
}
