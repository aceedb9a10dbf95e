package io.customerclassification.adapter.jdbi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.application.contract.PortSet;
import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.port.in.customertype.CreateCustomerTypeCommand;
import io.customerclassification.application.port.in.customertype.GetCustomerTypeQuery;
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
import io.customerclassification.domain.customertype.HierarchyTooDeepException;
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
import io.customerclassification.adapter.jdbi.postgres.PostgresDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Races conflicting moves and status changes through the real service over SQLite, then checks the
 * hierarchy invariants over the whole table: the check-then-write of every change happens in one write
 * transaction, so no interleaving may break them, and no SQLITE_BUSY may reach a caller. The types start as
 * chains, and most moves hang the head of one chain below the tail of another: two such moves, each allowed
 * alone, can together put a type below the deepest level allowed, so the race runs at the depth limit.
 */
class ConcurrentHierarchyTest {

    private static final Caller SYSTEM = Caller.system(null);

    private static final CompanyId C0 = CompanyId.DEFAULT;
    private static final long SEED = Long.getLong("concurrency.seed", 7L);
    private static final int THREADS = 6;
    private static final int OPERATIONS_PER_THREAD = 250;
    /**
     * The lengths of the chains: two long ones, or a long one and both short ones, stacked end to end reach exactly
     * the deepest level allowed ({@link CustomerTypeHierarchyPolicy#MAX_DEPTH}); any more is too deep.
     */
    private static final List<Integer> CHAIN_LENGTHS = List.of(32, 32, 16, 16);
    private static final int CHAINS = CHAIN_LENGTHS.size();

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void racingMovesAndStatusChangesKeepEveryInvariant(StoreKind store) throws Exception {
        try (SqlStore database = store.open(folder)) {
            PortSet ports = StorePorts.of(database.stores());
            race(List.of(ports.typeService(Clock.systemUTC())), ports);
        }
    }

    /**
     * Two stores over one PostgreSQL database are two server processes as far as the database can tell: their own
     * connections, their own in-process writer locks, their own page indexes. Half the threads race through each;
     * only the database's lock stands between their checks and writes.
     */
    @Test
    void racesBetweenTwoInstancesOverOnePostgresqlDatabaseKeepEveryInvariant() throws Exception {
        try (PostgresTestDatabase server = PostgresTestDatabase.create();
                PostgresDatabase first = PostgresDatabase.open(server.url(), 4);
                PostgresDatabase second = PostgresDatabase.open(server.url(), 4)) {
            PortSet ports = StorePorts.of(first.stores());
            race(List.of(ports.typeService(Clock.systemUTC()),
                    StorePorts.of(second.stores()).typeService(Clock.systemUTC())), ports);
        }
    }

    /** Thread {@code t} changes types through {@code services[t % n]}; {@code ports} reads the outcome. */
    private static void race(List<CustomerTypeService> services, PortSet ports) throws Exception {
        CustomerTypeService service = services.get(0);
        List<CustomerTypeKey> keys = new ArrayList<>();
        List<CustomerTypeKey> heads = new ArrayList<>();
        List<CustomerTypeKey> tails = new ArrayList<>();
        for (int chain = 0; chain < CHAINS; chain++) {
            CustomerTypeKey parent = null;
            for (int i = 0; i < CHAIN_LENGTHS.get(chain); i++) {
                parent = service.createCustomerType(new CreateCustomerTypeCommand(SYSTEM, C0,
                        Name.of("chain " + chain + " node " + i), CustomerTypeStatus.ACTIVE,
                        parent == null ? null : ParentReference.byKey(parent))).type().key();
                keys.add(parent);
            }
            heads.add(keys.get(keys.size() - CHAIN_LENGTHS.get(chain)));
            tails.add(parent);
        }

        ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
        AtomicInteger applied = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger tooDeep = new AtomicInteger();
        AtomicInteger deepest = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        for (int t = 0; t < THREADS; t++) {
            Random random = new Random(SEED * 31 + t);
            CustomerTypeService through = services.get(t % services.size());
            pool.submit(() -> {
                start.await();
                for (int i = 0; i < OPERATIONS_PER_THREAD; i++) {
                    CustomerTypeKey node = keys.get(random.nextInt(keys.size()));
                    CustomerTypeStatus status = null;
                    ParentChange parent = null;
                    int kind = random.nextInt(20);
                    if (kind < 12) { // the head of a chain below the tail of another
                        int chain = random.nextInt(CHAINS);
                        node = heads.get(chain);
                        parent = ParentChange.to(ParentReference.byKey(tails.get((chain + 1 + random.nextInt(CHAINS - 1))
                                % CHAINS)));
                    } else if (kind < 14) { // the head of a chain back to the roots
                        node = heads.get(random.nextInt(CHAINS));
                        parent = ParentChange.toRoot();
                    } else if (kind < 18) {
                        status = random.nextBoolean() ? CustomerTypeStatus.ACTIVE : CustomerTypeStatus.INACTIVE;
                    } else {
                        status = random.nextBoolean() ? CustomerTypeStatus.ACTIVE : CustomerTypeStatus.INACTIVE;
                        parent = ParentChange.to(ParentReference.byKey(keys.get(random.nextInt(keys.size()))));
                    }
                    try {
                        through.updateCustomerType(new UpdateCustomerTypeCommand(Caller.system("t"), C0, node, status,
                                parent));
                        applied.incrementAndGet();
                        CustomerTypeKey lowest = heads.contains(node) ? tails.get(heads.indexOf(node)) : node;
                        int depth = through.getCustomerTypeLineage(new GetCustomerTypeQuery(SYSTEM, C0, lowest))
                                .size();
                        deepest.accumulateAndGet(depth, Math::max);
                    } catch (HierarchyTooDeepException e) {
                        tooDeep.incrementAndGet();
                        refused.incrementAndGet();
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
        assertTrue(deepest.get() <= CustomerTypeHierarchyPolicy.MAX_DEPTH,
                "a type was seen deeper than allowed, at depth " + deepest);
        assertTrue(deepest.get() > CustomerTypeHierarchyPolicy.MAX_DEPTH - 8, "the race must reach the depth limit"
                + " (moves refused as too deep: " + tooDeep + ", deepest type seen at depth " + deepest + ")");
        System.out.println("race: applied " + applied + ", refused " + refused + " (too deep " + tooDeep
                + "), deepest " + deepest);
        assertInvariants(ports.findTypes().findCustomerTypes(C0, Criteria.all(Paging.of(0, 1000))).items()
                .stream().map(view -> view.type()).toList());
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
        assertEquals(CHAIN_LENGTHS.stream().mapToInt(Integer::intValue).sum(), all.size());
    }
}
