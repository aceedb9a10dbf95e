package io.customerclassification.adapter.jdbi.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.adapter.jdbi.StorePorts;
import io.customerclassification.application.contract.PortSet;
import io.customerclassification.application.port.in.customertype.CreateCustomerTypeCommand;
import io.customerclassification.application.port.in.customertype.ParentChange;
import io.customerclassification.application.port.in.customertype.ParentReference;
import io.customerclassification.application.port.in.customertype.UpdateCustomerTypeCommand;
import io.customerclassification.application.query.Criteria;
import io.customerclassification.application.query.Paging;
import io.customerclassification.application.service.CustomerTypeService;
import io.customerclassification.domain.customertype.CustomerType;
import io.customerclassification.domain.customertype.CustomerTypeHierarchyPolicy;
import io.customerclassification.domain.customertype.CustomerTypeKey;
import io.customerclassification.domain.customertype.CustomerTypeStatus;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.DomainException;
import io.customerclassification.domain.shared.Name;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Races conflicting moves and status changes through the real service over SQLite, then checks the
 * hierarchy invariants over the whole table: the check-then-write of every change happens in one write
 * transaction, so no interleaving may break them, and no SQLITE_BUSY may reach a caller.
 */
class ConcurrentHierarchyTest {

    private static final CompanyId C0 = CompanyId.DEFAULT;
    private static final long SEED = Long.getLong("concurrency.seed", 7L);
    private static final int THREADS = 6;
    private static final int OPERATIONS_PER_THREAD = 250;

    @TempDir
    Path folder;

    @Test
    void racingMovesAndStatusChangesKeepEveryInvariant() throws Exception {
        try (SqliteDatabase database = SqliteDatabase.open(folder.resolve("race.db"))) {
            PortSet ports = StorePorts.of(database.stores());
            CustomerTypeService service = ports.typeService(Clock.systemUTC());
            List<CustomerTypeKey> keys = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                CustomerTypeKey parent = i < 4 ? null : keys.get(i / 4 - 1);
                keys.add(service.createCustomerType(new CreateCustomerTypeCommand(C0, Name.of("node " + i),
                        CustomerTypeStatus.ACTIVE, parent == null ? null : ParentReference.byKey(parent), null))
                        .type().key());
            }

            ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
            AtomicInteger applied = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            for (int t = 0; t < THREADS; t++) {
                Random random = new Random(SEED * 31 + t);
                pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < OPERATIONS_PER_THREAD; i++) {
                        CustomerTypeKey node = keys.get(random.nextInt(keys.size()));
                        CustomerTypeStatus status = null;
                        ParentChange parent = null;
                        switch (random.nextInt(3)) {
                            case 0 -> status = random.nextBoolean() ? CustomerTypeStatus.ACTIVE : CustomerTypeStatus.INACTIVE;
                            case 1 -> parent = random.nextInt(6) == 0 ? ParentChange.toRoot()
                                    : ParentChange.to(ParentReference.byKey(keys.get(random.nextInt(keys.size()))));
                            default -> {
                                status = random.nextBoolean() ? CustomerTypeStatus.ACTIVE : CustomerTypeStatus.INACTIVE;
                                parent = ParentChange.to(ParentReference.byKey(keys.get(random.nextInt(keys.size()))));
                            }
                        }
                        try {
                            service.updateCustomerType(new UpdateCustomerTypeCommand(C0, node, status, parent, "t"));
                            applied.incrementAndGet();
                        } catch (DomainException e) {
                            refused.incrementAndGet();
                        } catch (Throwable e) {
                            unexpected.add(e);
                        }
                    }
                    return null;
                });
            }
            start.countDown();
            pool.shutdown();
            assertTrue(pool.awaitTermination(120, TimeUnit.SECONDS), "the race did not finish in time");

            assertTrue(unexpected.isEmpty(), "callers saw non-domain failures: " + unexpected);
            assertTrue(applied.get() > 0 && refused.get() > 0,
                    "the race must both apply and refuse changes (applied " + applied + ", refused " + refused + ")");
            assertInvariants(ports.findTypes().findCustomerTypes(C0, Criteria.all(Paging.of(0, 1000))).items()
                    .stream().map(view -> view.type()).toList());
        }
    }

    private static void assertInvariants(List<CustomerType> all) {
        Map<CustomerTypeKey, CustomerType> byKey = new HashMap<>();
        Set<String> names = new HashSet<>();
        for (CustomerType type : all) {
            byKey.put(type.key(), type);
            assertTrue(names.add(type.name().key()), "duplicate name " + type.name());
        }
        for (CustomerType type : all) {
            Set<CustomerTypeKey> path = new HashSet<>();
            CustomerType current = type;
            int depth = 1;
            while (current.parentKey() != null) {
                assertTrue(path.add(current.key()), "cycle through " + current.key());
                CustomerType parent = byKey.get(current.parentKey());
                assertTrue(parent != null, "dangling parent of " + current.key());
                if (current.isActive()) {
                    assertTrue(parent.isActive(), "active " + current.key() + " under inactive " + parent.key());
                }
                current = parent;
                depth++;
            }
            assertTrue(depth <= CustomerTypeHierarchyPolicy.MAX_DEPTH, "depth " + depth + " at " + type.key());
        }
        assertEquals(40, all.size());
    }
}
