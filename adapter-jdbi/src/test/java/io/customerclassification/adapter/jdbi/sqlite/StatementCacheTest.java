package io.customerclassification.adapter.jdbi.sqlite;

import io.customerclassification.adapter.jdbi.StorePorts;
import io.customerclassification.application.contract.PortSet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.domain.customerprofile.CustomerProfile;
import io.customerclassification.domain.customerprofile.CustomerProfileDraft;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import java.nio.file.Path;
import io.customerclassification.application.query.Comparison;
import io.customerclassification.application.query.Criteria;
import io.customerclassification.application.query.CustomerProfileField;
import io.customerclassification.application.query.Filter;
import io.customerclassification.application.query.Operator;
import io.customerclassification.application.query.Paging;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cached statements of the reads by key must behave exactly like fresh ones. */
class StatementCacheTest {

    @TempDir
    Path folder;

    @Test
    void aCachedReadNeverKeepsAnOldSnapshotNorBlocksACheckpoint() throws Exception {
        Path file = folder.resolve("cache.db");
        try (SqliteDatabase database = SqliteDatabase.open(file)) {
            PortSet p = StorePorts.of(database.stores());
            CustomerProfile gold = p.saveProfile().insertCustomerProfile(
                    new CustomerProfileDraft(CompanyId.DEFAULT, Name.of("Gold"), false));
            // every pooled connection reads through its cached statement, from several threads at once
            readFromManyThreads(p, gold, "Gold");

            // another process (here: another connection outside the pool) changes the row
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
                    Statement statement = other.createStatement()) {
                statement.execute("PRAGMA busy_timeout = 10000");
                statement.executeUpdate("UPDATE customer_profile SET name = 'Platinum', name_fold = 'platinum'"
                        + " WHERE id = " + gold.id().value());
                // a statement left mid-result would hold a read transaction, and the checkpoint could not finish
                readFromManyThreads(p, gold, "Platinum");
                try (ResultSet rows = statement.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                    assertTrue(rows.next());
                    assertEquals(0, rows.getInt(1), "checkpoint not blocked by a reader");
                }
            }
            readFromManyThreads(p, gold, "Platinum");
            assertTrue(p.profileNameTaken().isCustomerProfileNameTaken(CompanyId.DEFAULT, Name.of("platinum"), null));
            assertTrue(!p.profileNameTaken().isCustomerProfileNameTaken(CompanyId.DEFAULT, Name.of("gold"), null));
        }
    }

    private static void readFromManyThreads(PortSet p, CustomerProfile profile, String expected)
            throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(12);
        try {
            List<Future<String>> names = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                Callable<String> read = () -> p.loadProfile().loadCustomerProfile(CompanyId.DEFAULT, profile.id())
                        .orElseThrow().name().value();
                names.add(threads.submit(read));
            }
            for (Future<String> name : names) {
                assertEquals(expected, name.get());
            }
        } finally {
            threads.shutdown();
        }
    }

    @Test
    void statementsOfClosedConnectionsAreDropped() throws SQLException {
        StatementCache cache = new StatementCache();
        Path file = folder.resolve("drop.db");
        Connection first = DriverManager.getConnection("jdbc:sqlite:" + file);
        cache.prepared(first, "SELECT 1");
        assertEquals(1, cache.connections());
        first.close();
        try (Connection second = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            var statement = cache.prepared(second, "SELECT 1");
            try (ResultSet rows = statement.executeQuery()) {
                assertTrue(rows.next());
            }
            assertEquals(1, cache.connections(), "the closed connection's statements are gone");
            assertTrue(cache.prepared(second, "SELECT 1") == statement, "the same statement is reused");
        }
    }

    @Test
    void aConnectionKeepsItsMostRecentStatementsAndClosesTheOnesItDrops() throws SQLException {
        StatementCache cache = new StatementCache();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("bounded.db"))) {
            List<PreparedStatement> prepared = new ArrayList<>();
            for (int i = 0; i < StatementCache.PER_CONNECTION + 10; i++) {
                PreparedStatement statement = cache.prepared(connection, "SELECT " + i + " + ?");
                statement.setInt(1, 1);
                try (ResultSet rows = statement.executeQuery()) {
                    assertTrue(rows.next());
                    assertEquals(i + 1, rows.getInt(1));
                }
                prepared.add(statement);
                // the first text stays in use, so it stays the most recent of all but the newest
                assertTrue(cache.prepared(connection, "SELECT 0 + ?") == prepared.get(0));
            }
            assertEquals(StatementCache.PER_CONNECTION, cache.statements(connection));
            assertTrue(!prepared.get(0).isClosed(), "the statement in use is kept");
            for (int i = 1; i <= 10; i++) {
                assertTrue(prepared.get(i).isClosed(), "the least recently used are closed: " + i);
            }
            assertTrue(!prepared.get(11).isClosed(), "text 0 and the newest 63 are kept");
            PreparedStatement again = cache.prepared(connection, "SELECT 1 + ?");
            assertTrue(again != prepared.get(1) && !again.isClosed(), "a dropped text is prepared anew");
        }
    }

    @Test
    void pageStatementsOfManyShapesStayCorrectThroughTheCache() {
        try (SqliteDatabase database = SqliteDatabase.open(folder.resolve("pages.db"))) {
            PortSet p = StorePorts.of(database.stores());
            for (int i = 0; i < 30; i++) {
                p.saveProfile().insertCustomerProfile(new CustomerProfileDraft(CompanyId.DEFAULT, Name.of("P" + i), i % 3 == 0));
            }
            // more filter shapes than a connection keeps: each an OR of the first k names
            for (int round = 0; round < 2; round++) {
                for (int k = 1; k <= StatementCache.PER_CONNECTION + 16; k++) {
                    List<Filter> names = new ArrayList<>();
                    for (int i = 0; i < k; i++) {
                        names.add(Comparison.of(CustomerProfileField.NAME, Operator.EQ, "P" + (i % 30)));
                    }
                    var page = p.findProfiles().findCustomerProfiles(CompanyId.DEFAULT,
                            new Criteria(Filter.or(names), List.of(), Paging.of(0, 50)));
                    assertEquals(Math.min(k, 30), page.total(), "total for " + k);
                    assertEquals(Math.min(k, 30), page.items().size(), "rows for " + k);
                }
            }
        }
    }
}
