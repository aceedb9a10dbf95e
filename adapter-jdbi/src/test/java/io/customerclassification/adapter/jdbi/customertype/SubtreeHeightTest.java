package io.customerclassification.adapter.jdbi.customertype;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.domain.customertype.Audit;
import io.customerclassification.domain.customertype.CustomerType;
import io.customerclassification.domain.customertype.CustomerTypeDraft;
import io.customerclassification.domain.customertype.CustomerTypeKey;
import io.customerclassification.domain.customertype.CustomerTypeStatus;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import io.customerclassification.adapter.jdbi.StorePorts;
import io.customerclassification.adapter.jdbi.SqlStore;
import io.customerclassification.adapter.jdbi.StoreKind;
import io.customerclassification.adapter.jdbi.sqlite.SqliteDatabase;
import io.customerclassification.application.contract.PortSet;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * The subtree height kept in every row (migration V3) against the height walked from scratch in Java, after
 * random inserts, moves and deletes, and after migrating a database written before V3.
 */
class SubtreeHeightTest {

    private static final CompanyId C0 = CompanyId.DEFAULT;
    private static final Instant T0 = Instant.parse("2026-12-02T00:00:00Z");

    @TempDir
    Path folder;

    /** The reference: key to parent (null for a root), walked level by level, each node counted once. */
    private static int walkedHeight(Map<Long, Long> parents, long key) {
        Map<Long, List<Long>> children = new HashMap<>();
        parents.forEach((child, parent) -> {
            if (parent != null) {
                children.computeIfAbsent(parent, k -> new ArrayList<>()).add(child);
            }
        });
        Set<Long> seen = new HashSet<>(Set.of(key));
        List<Long> level = List.of(key);
        int height = 0;
        while (!level.isEmpty() && height < Heights.CAP) {
            height++;
            List<Long> next = new ArrayList<>();
            for (long node : level) {
                for (long child : children.getOrDefault(node, List.of())) {
                    if (seen.add(child)) {
                        next.add(child);
                    }
                }
            }
            level = next;
        }
        return height;
    }

    private static boolean isInSubtreeOf(Map<Long, Long> parents, long node, long root) {
        for (Long at = node; at != null; at = parents.get(at)) {
            if (at == root) {
                return true;
            }
        }
        return false;
    }

    private static void assertHeights(PortSet p, Map<Long, Long> parents, String when) {
        for (long key : parents.keySet()) {
            assertEquals(walkedHeight(parents, key), p.subtree().measureSubtreeHeight(C0, CustomerTypeKey.of(key)),
                    "height of " + key + " " + when);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void randomInsertsMovesAndDeletesKeepEveryHeightExact(StoreKind store) {
        Random random = new Random(20261202);
        try (SqlStore database = store.open(folder)) {
            PortSet p = StorePorts.of(database.stores());
            Map<Long, Long> parents = new HashMap<>();
            List<Long> keys = new ArrayList<>();
            for (int op = 0; op < 1_500; op++) {
                int kind = keys.isEmpty() ? 0 : random.nextInt(10);
                if (kind < 5) { // insert: under a random type, or (one in ten) as a root
                    Long parent = keys.isEmpty() || random.nextInt(10) == 0 ? null : keys.get(random.nextInt(keys.size()));
                    CustomerType type = p.saveType().insertCustomerType(new CustomerTypeDraft(C0, Name.of("T" + op),
                            CustomerTypeStatus.ACTIVE, parent == null ? null : CustomerTypeKey.of(parent),
                            Audit.created(T0, "test")));
                    parents.put(type.key().value(), parent);
                    keys.add(type.key().value());
                } else if (kind < 8) { // move: under any type outside its own subtree, or to the roots
                    long node = keys.get(random.nextInt(keys.size()));
                    Long target = random.nextInt(8) == 0 ? null : keys.get(random.nextInt(keys.size()));
                    if (target != null && isInSubtreeOf(parents, target, node)) {
                        continue;
                    }
                    CustomerType type = p.loadType().loadCustomerType(C0, CustomerTypeKey.of(node)).orElseThrow();
                    p.saveType().updateCustomerType(type.moveTo(target == null ? null : CustomerTypeKey.of(target), T0, "test"));
                    parents.put(node, target);
                } else { // delete a leaf (a type with children is refused by the foreign key)
                    long node = keys.get(random.nextInt(keys.size()));
                    if (parents.containsValue(node)) {
                        assertThrows(RuntimeException.class, () -> p.deleteType().deleteCustomerType(C0, CustomerTypeKey.of(node)));
                    } else {
                        assertTrue(p.deleteType().deleteCustomerType(C0, CustomerTypeKey.of(node)));
                        parents.remove(node);
                        keys.remove(node);
                    }
                }
                if (op % 100 == 99) {
                    assertHeights(p, parents, "after operation " + op);
                }
            }
            assertHeights(p, parents, "at the end");
            int tallest = parents.keySet().stream().mapToInt(k -> walkedHeight(parents, k)).max().orElseThrow();
            assertTrue(tallest >= 8, "the random tree grew deep enough to mean something: " + tallest);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aMoveThatFailsLeavesTheHeightsAsTheyWere(StoreKind store) {
        try (SqlStore database = store.open(folder)) {
            PortSet p = StorePorts.of(database.stores());
            CustomerType root = insert(p, "Root", null);
            CustomerType mid = insert(p, "Mid", root);
            CustomerType leaf = insert(p, "Leaf", mid);
            CustomerType other = insert(p, "Other", null);
            assertThrows(IllegalStateException.class, () -> p.transaction().inTransaction(() -> {
                p.saveType().updateCustomerType(mid.moveTo(other.key(), T0, "test"));
                throw new IllegalStateException("the use case fails after the move");
            }));
            assertEquals(3, p.subtree().measureSubtreeHeight(C0, root.key()));
            assertEquals(1, p.subtree().measureSubtreeHeight(C0, other.key()));
            assertEquals(1, p.subtree().measureSubtreeHeight(C0, leaf.key()));
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void heightsAreStoppedOnePastTheDeepestLevelAllowed(StoreKind store) {
        try (SqlStore database = store.open(folder)) {
            PortSet p = StorePorts.of(database.stores());
            List<CustomerType> chain = new ArrayList<>();
            CustomerType last = null;
            for (int i = 0; i < 80; i++) { // the port does not judge depth: damaged or imported data may be deeper
                last = insert(p, "N" + i, last);
                chain.add(last);
            }
            assertEquals(Heights.CAP, p.subtree().measureSubtreeHeight(C0, chain.get(0).key()));
            assertEquals(Heights.CAP, p.subtree().measureSubtreeHeight(C0, chain.get(15).key()));
            assertEquals(64, p.subtree().measureSubtreeHeight(C0, chain.get(16).key()));
            // cutting the chain in the middle lowers everything above the cut
            p.saveType().updateCustomerType(chain.get(40).moveTo(null, T0, "test"));
            assertEquals(40, p.subtree().measureSubtreeHeight(C0, chain.get(0).key()));
            assertEquals(40, p.subtree().measureSubtreeHeight(C0, chain.get(40).key()));
        }
    }

    @Test
    void migratingADatabaseWrittenBeforeHeightsComputesThemAll() throws Exception {
        Path file = folder.resolve("v2.db");
        SQLiteDataSource sqlite = new SQLiteDataSource();
        sqlite.setUrl("jdbc:sqlite:" + file);
        Flyway.configure().dataSource(sqlite).locations("classpath:db/migration/sqlite").target("2").load().migrate();
        Random random = new Random(7);
        Map<Long, Long> parents = new HashMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                var insert = connection.prepareStatement("INSERT INTO customer_type (key, company_id, name, name_fold,"
                        + " status, parent_key, created_at, modified_at) VALUES (?, 0, ?, ?, 'active', ?, 0, 0)")) {
            connection.setAutoCommit(false);
            for (long key = 1; key <= 3_000; key++) {
                Long parent = key == 1 || random.nextInt(50) == 0 ? null : 1 + (long) random.nextInt((int) key - 1);
                insert.setLong(1, key);
                insert.setString(2, "T" + key);
                insert.setString(3, "t" + key);
                insert.setObject(4, parent);
                insert.executeUpdate();
                parents.put(key, parent);
            }
            for (long key = 3_001; key <= 3_070; key++) { // and one chain deeper than allowed
                insert.setLong(1, key);
                insert.setString(2, "T" + key);
                insert.setString(3, "t" + key);
                insert.setObject(4, key == 3_001 ? null : key - 1);
                insert.executeUpdate();
                parents.put(key, key == 3_001 ? null : key - 1);
            }
            connection.commit();
        }
        try (SqliteDatabase database = SqliteDatabase.open(file)) {
            assertHeights(StorePorts.of(database.stores()), parents, "after the migration");
        }
    }

    private static CustomerType insert(PortSet p, String name, CustomerType parent) {
        return p.saveType().insertCustomerType(new CustomerTypeDraft(C0, Name.of(name), CustomerTypeStatus.ACTIVE,
                parent == null ? null : parent.key(), Audit.created(T0, "test")));
    }
}
