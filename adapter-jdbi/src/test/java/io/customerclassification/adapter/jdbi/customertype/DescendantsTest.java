package io.customerclassification.adapter.jdbi.customertype;

import io.customerclassification.adapter.jdbi.StorePorts;
import io.customerclassification.adapter.jdbi.SqlStore;
import io.customerclassification.adapter.jdbi.StoreKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.application.contract.PortSet;
import io.customerclassification.application.inmemory.InMemoryPersistence;
import io.customerclassification.application.model.CustomerTypeDescendant;
import io.customerclassification.application.query.Page;
import io.customerclassification.application.query.Paging;
import io.customerclassification.domain.customertype.Audit;
import io.customerclassification.domain.customertype.CustomerType;
import io.customerclassification.domain.customertype.CustomerTypeDraft;
import io.customerclassification.domain.customertype.CustomerTypeKey;
import io.customerclassification.domain.customertype.CustomerTypeStatus;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQLite subtree read (level by level down the parent index, a level's parents as JSON arrays) against the
 * in-memory reference, over random forests that grow and move, and over a level of ten thousand types.
 */
class DescendantsTest {

    private static final CompanyId C0 = CompanyId.DEFAULT;
    private static final Instant T0 = Instant.parse("2026-12-02T00:00:00Z");

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void randomForestsReadLikeTheInMemoryReference(StoreKind kind) {
        Random random = new Random(20261202L);
        try (SqlStore database = kind.open(folder)) {
            PortSet sql = StorePorts.of(database.stores());
            PortSet memory = PortSet.of(new InMemoryPersistence());
            Map<Long, Long> parents = new HashMap<>();
            List<Long> keys = new ArrayList<>();
            int compared = 0;
            for (int op = 0; op < 1_200; op++) {
                if (keys.isEmpty() || random.nextInt(10) < 7) {
                    Long parent = keys.isEmpty() || random.nextInt(12) == 0 ? null : keys.get(random.nextInt(keys.size()));
                    long key = -1;
                    for (PortSet ports : List.of(memory, sql)) {
                        key = insert(ports, "T" + op, parent).key().value();
                    }
                    parents.put(key, parent);
                    keys.add(key);
                } else {
                    long node = keys.get(random.nextInt(keys.size()));
                    Long target = random.nextInt(8) == 0 ? null : keys.get(random.nextInt(keys.size()));
                    if (target != null && isInSubtreeOf(parents, target, node)) {
                        continue;
                    }
                    for (PortSet ports : List.of(memory, sql)) {
                        CustomerType type = ports.loadType().loadCustomerType(C0, CustomerTypeKey.of(node)).orElseThrow();
                        ports.saveType().updateCustomerType(type.moveTo(
                                target == null ? null : CustomerTypeKey.of(target), T0, "test"));
                    }
                    parents.put(node, target);
                }
                if (op % 100 == 99) {
                    for (int read = 0; read < 25; read++) {
                        // a random type's random ancestor, so that most reads are of subtrees, not of leaves
                        long at = keys.get(random.nextInt(keys.size()));
                        for (int up = random.nextInt(depth(parents, at)); up > 0; up--) {
                            at = parents.get(at);
                        }
                        CustomerTypeKey key = CustomerTypeKey.of(at);
                        Paging paging = read % 5 == 0 ? Paging.of(0, Paging.MAX_LIMIT)
                                : Paging.of(random.nextInt(40), random.nextInt(30));
                        Page<CustomerTypeDescendant> expected = memory.descendants().loadDescendants(C0, key, paging);
                        assertEquals(expected, sql.descendants().loadDescendants(C0, key, paging),
                                "below " + key + ", " + paging + ", after operation " + op);
                        Paging next = Paging.of(paging.offset() + paging.limit(), paging.limit());
                        assertEquals(memory.descendants().loadDescendants(C0, key, next),
                                sql.descendants().loadDescendants(C0, key, next),
                                "the next page (a kept walk) below " + key + ", after operation " + op);
                        compared += expected.items().size();
                    }
                }
            }
            assertTrue(compared > 1_000, "compared " + compared + " descendants");
            int deepest = keys.stream().mapToInt(key -> depth(parents, key)).max().orElseThrow();
            assertTrue(deepest >= 8, "the forest grew deep enough to mean something: " + deepest);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aWideLevelIsReadWholeAndInOrder(StoreKind kind) {
        try (SqlStore database = kind.open(folder)) {
            PortSet sql = StorePorts.of(database.stores());
            int wide = 10_003;
            CustomerType root = insert(sql, "Root", null);
            List<CustomerType> children = sql.transaction().inTransaction(() -> {
                List<CustomerType> inserted = new ArrayList<>();
                for (int i = 0; i < wide; i++) {
                    inserted.add(insert(sql, "C" + i, root.key().value()));
                }
                return inserted;
            });
            CustomerType first = children.get(0);
            CustomerType last = children.get(wide - 1);
            CustomerType underLast = insert(sql, "Under last", last.key().value());
            CustomerType underFirst = insert(sql, "Under first", first.key().value());

            Page<CustomerTypeDescendant> tail = sql.descendants().loadDescendants(C0, root.key(), Paging.of(wide - 1, 10));
            assertEquals(wide + 2, tail.total());
            assertEquals(List.of(
                    new CustomerTypeDescendant(last.key(), last.name(), root.key(), root.name(), 1),
                    new CustomerTypeDescendant(underLast.key(), underLast.name(), last.key(), last.name(), 2),
                    new CustomerTypeDescendant(underFirst.key(), underFirst.name(), first.key(), first.name(), 2)),
                    tail.items());
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aKeptWalkIsNotServedAfterAnotherProcessWrites(StoreKind kind) throws Exception {
        try (SqlStore database = kind.open(folder)) {
            PortSet sql = StorePorts.of(database.stores());
            CustomerType root = insert(sql, "Root", null);
            CustomerType left = insert(sql, "Left", root.key().value());
            CustomerType right = insert(sql, "Right", root.key().value());
            CustomerType leaf = insert(sql, "Leaf", left.key().value());
            insert(sql, "Right child", right.key().value());
            CustomerType other = insert(sql, "Other", null);
            insert(sql, "Other child", other.key().value());
            assertEquals(4, sql.descendants().loadDescendants(C0, root.key(), Paging.of(0, 10)).total());
            assertEquals(4, sql.descendants().loadDescendants(C0, root.key(), Paging.of(0, 10)).total());
            // another process moves the leaf to the other tree (both parents keep a child, so no height changes)
            try (Connection connection = kind.connectOutside(database, folder);
                    Statement statement = connection.createStatement()) {
                statement.executeUpdate("UPDATE customer_type SET parent_key = " + other.key().value()
                        + " WHERE key = " + leaf.key().value());
                statement.executeUpdate("INSERT INTO customer_type (company_id, name, name_fold, status, parent_key,"
                        + " created_at, modified_at) VALUES (0, 'Left child', 'left child', 'active', "
                        + left.key().value() + ", 0, 0)");
            }
            Page<CustomerTypeDescendant> after = sql.descendants().loadDescendants(C0, root.key(), Paging.of(0, 10));
            assertEquals(List.of("Left", "Right", "Right child", "Left child"),
                    after.items().stream().map(d -> d.name().value()).toList());
            assertEquals(List.of("Leaf", "Other child"), sql.descendants().loadDescendants(C0, other.key(),
                    Paging.of(0, 10)).items().stream().map(d -> d.name().value()).toList());
        }
    }

    private static CustomerType insert(PortSet ports, String name, Long parent) {
        return ports.saveType().insertCustomerType(new CustomerTypeDraft(C0, Name.of(name), CustomerTypeStatus.ACTIVE,
                parent == null ? null : CustomerTypeKey.of(parent), Audit.created(T0, "test")));
    }

    private static boolean isInSubtreeOf(Map<Long, Long> parents, long node, long root) {
        for (Long at = node; at != null; at = parents.get(at)) {
            if (at == root) {
                return true;
            }
        }
        return false;
    }

    private static int depth(Map<Long, Long> parents, long key) {
        int depth = 0;
        for (Long at = key; at != null; at = parents.get(at)) {
            depth++;
        }
        return depth;
    }
}
