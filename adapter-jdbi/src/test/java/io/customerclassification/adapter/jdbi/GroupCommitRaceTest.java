package io.customerclassification.adapter.jdbi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.adapter.jdbi.page.PageIndex;
import io.customerclassification.application.contract.PortSet;
import io.customerclassification.application.model.CustomerTypeView;
import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.port.in.customertype.CreateCustomerTypeCommand;
import io.customerclassification.application.port.in.customertype.DeleteCustomerTypeCommand;
import io.customerclassification.application.port.in.customertype.ParentChange;
import io.customerclassification.application.port.in.customertype.ParentReference;
import io.customerclassification.application.port.in.customertype.UpdateCustomerTypeCommand;
import io.customerclassification.application.query.Comparison;
import io.customerclassification.application.query.Criteria;
import io.customerclassification.application.query.CustomerTypeField;
import io.customerclassification.application.query.Operator;
import io.customerclassification.application.query.Page;
import io.customerclassification.application.query.Paging;
import io.customerclassification.application.query.SortKey;
import io.customerclassification.application.service.CustomerTypeService;
import io.customerclassification.domain.customertype.Audit;
import io.customerclassification.domain.customertype.CustomerTypeDraft;
import io.customerclassification.domain.customertype.CustomerTypeHierarchyPolicy;
import io.customerclassification.domain.customertype.CustomerTypeKey;
import io.customerclassification.domain.customertype.CustomerTypeStatus;
import io.customerclassification.domain.customertype.DuplicateCustomerTypeNameException;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.DomainException;
import io.customerclassification.domain.shared.Name;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Races creates, moves, status changes and deletes from many threads through a store whose write transactions take
 * at most {@value #GROUP_LIMIT} writers, so that the writes share transactions and straddle their boundaries; some
 * writers are refused inside a shared transaction after they wrote (a unit of work whose second create takes a name
 * already in use, one through the service's check, one through the schema's unique constraint). Readers page the
 * list all along, so the page index carries its entries across the commits. Then every rule is checked against
 * the database read from outside the store: every acknowledged write present, nothing of a refused unit present, no
 * duplicate name, no cycle, no active type under an inactive one, no type deeper than allowed, and totals and
 * every page of the list exact.
 */
class GroupCommitRaceTest {

    private static final Caller SYSTEM = Caller.system(null);
    private static final CompanyId C0 = CompanyId.DEFAULT;
    /** Small, so that most batches are cut by the limit rather than by an empty queue. */
    private static final int GROUP_LIMIT = 3;
    private static final long SEED = Long.getLong("concurrency.seed", 11L);
    private static final int WRITERS = 8;
    private static final int OPERATIONS_PER_WRITER = 150;
    /** Two long chains stacked reach exactly the deepest level allowed; the race moves heads below tails. */
    private static final List<Integer> CHAIN_LENGTHS = List.of(32, 32, 16, 16);
    /** A name every writer's refused units try to take a second time. */
    private static final String TAKEN = "chain 0 node 0";

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void racingWritesAcrossBatchBoundariesKeepEveryRule(StoreKind kind) throws Exception {
        try (SqlStore store = kind.open(folder, new PageIndex(4, 64, 0, 0), GROUP_LIMIT)) {
            PortSet ports = StorePorts.of(store.stores());
            CustomerTypeService service = ports.typeService(Clock.systemUTC());
            List<CustomerTypeKey> chainKeys = new ArrayList<>();
            List<CustomerTypeKey> heads = new ArrayList<>();
            List<CustomerTypeKey> tails = new ArrayList<>();
            for (int chain = 0; chain < CHAIN_LENGTHS.size(); chain++) {
                CustomerTypeKey parent = null;
                for (int i = 0; i < CHAIN_LENGTHS.get(chain); i++) {
                    parent = create(service, "chain " + chain + " node " + i, CustomerTypeStatus.ACTIVE, parent);
                    chainKeys.add(parent);
                    if (i == 0) {
                        heads.add(parent);
                    }
                }
                tails.add(parent);
            }

            Map<CustomerTypeKey, String> created = new ConcurrentHashMap<>();
            Set<CustomerTypeKey> deleted = ConcurrentHashMap.newKeySet();
            Set<String> refusedNames = ConcurrentHashMap.newKeySet();
            Map<String, AtomicInteger> contestedWins = new ConcurrentHashMap<>();
            AtomicInteger refusedAfterWriting = new AtomicInteger();
            AtomicInteger refusedByRule = new AtomicInteger();
            ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
            CountDownLatch start = new CountDownLatch(1);
            AtomicBoolean writing = new AtomicBoolean(true);
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 2);
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                Random random = new Random(SEED * 31 + w);
                writers.add(pool.submit(() -> {
                    start.await();
                    List<CustomerTypeKey> mine = new ArrayList<>();
                    for (int i = 0; i < OPERATIONS_PER_WRITER; i++) {
                        int dice = random.nextInt(100);
                        try {
                            if (dice < 25) { // a leaf under any chain node: refused under an inactive one, or too deep
                                String name = "w" + writer + " op " + i;
                                CustomerTypeStatus status = random.nextBoolean()
                                        ? CustomerTypeStatus.ACTIVE : CustomerTypeStatus.INACTIVE;
                                try {
                                    CustomerTypeKey key = create(service, name, status,
                                            chainKeys.get(random.nextInt(chainKeys.size())));
                                    created.put(key, name);
                                    mine.add(key);
                                } catch (DomainException e) {
                                    refusedNames.add(name);
                                    refusedByRule.incrementAndGet();
                                }
                            } else if (dice < 35) { // a name every writer tries at its i-th operation: one wins
                                String name = "contested " + i;
                                try {
                                    created.put(create(service, name, CustomerTypeStatus.INACTIVE, null), name);
                                    contestedWins.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
                                } catch (DuplicateCustomerTypeNameException e) {
                                    refusedByRule.incrementAndGet();
                                }
                            } else if (dice < 45) { // a unit of work refused after its first create
                                String name = "w" + writer + " doomed " + i;
                                boolean throughTheSchema = random.nextBoolean();
                                try {
                                    ports.transaction().inTransaction(() -> {
                                        create(service, name, CustomerTypeStatus.INACTIVE, null);
                                        if (throughTheSchema) {
                                            ports.saveType().insertCustomerType(new CustomerTypeDraft(C0,
                                                    Name.of(TAKEN), CustomerTypeStatus.ACTIVE, null,
                                                    Audit.created(Instant.now(), "race")));
                                        } else {
                                            create(service, TAKEN, CustomerTypeStatus.ACTIVE, null);
                                        }
                                        return null;
                                    });
                                    unexpected.add(new AssertionError("a unit that takes " + TAKEN + " again committed"));
                                } catch (DuplicateCustomerTypeNameException e) {
                                    refusedNames.add(name);
                                    refusedAfterWriting.incrementAndGet();
                                }
                            } else if (dice < 55 && !mine.isEmpty()) { // one of this writer's own leaves deleted
                                CustomerTypeKey key = mine.remove(random.nextInt(mine.size()));
                                service.deleteCustomerType(new DeleteCustomerTypeCommand(SYSTEM, C0, key, null));
                                deleted.add(key);
                            } else if (dice < 80) { // the head of a chain below the tail of another, or to the roots
                                int chain = random.nextInt(heads.size());
                                ParentChange to = random.nextInt(5) == 0 ? ParentChange.toRoot()
                                        : ParentChange.to(ParentReference.byKey(
                                                tails.get((chain + 1 + random.nextInt(heads.size() - 1)) % heads.size())));
                                try {
                                    service.updateCustomerType(new UpdateCustomerTypeCommand(SYSTEM, C0, heads.get(chain),
                                            null, to));
                                } catch (DomainException e) {
                                    refusedByRule.incrementAndGet();
                                }
                            } else { // a chain node activated or deactivated
                                CustomerTypeStatus status = random.nextBoolean()
                                        ? CustomerTypeStatus.ACTIVE : CustomerTypeStatus.INACTIVE;
                                try {
                                    service.updateCustomerType(new UpdateCustomerTypeCommand(SYSTEM, C0,
                                            chainKeys.get(random.nextInt(chainKeys.size())), status, null));
                                } catch (DomainException e) {
                                    refusedByRule.incrementAndGet();
                                }
                            }
                        } catch (Throwable e) {
                            unexpected.add(e);
                        }
                    }
                    return null;
                }));
            }
            for (int r = 0; r < 2; r++) {
                Random random = new Random(SEED * 17 + r);
                pool.submit(() -> {
                    start.await();
                    while (writing.get()) {
                        try {
                            Page<?> page = ports.findTypes().findCustomerTypes(C0,
                                    Criteria.all(Paging.of(random.nextInt(200), 10)));
                            assertTrue(page.total() >= page.items().size());
                            ports.findTypes().findCustomerTypes(C0, activeByName(Paging.of(random.nextInt(100), 10)));
                        } catch (Throwable e) {
                            unexpected.add(e);
                        }
                    }
                    return null;
                });
            }
            start.countDown();
            for (var writer : writers) {
                writer.get(180, TimeUnit.SECONDS);
            }
            writing.set(false);
            pool.shutdown();
            assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS), "the readers did not stop");

            assertTrue(unexpected.isEmpty(), () -> unexpected.size() + " unexpected failures, the first: "
                    + unexpected.stream().limit(3).toList());
            assertTrue(refusedAfterWriting.get() > 0 && refusedByRule.get() > 0 && !deleted.isEmpty(),
                    "the race must refuse units after a write (" + refusedAfterWriting + "), refuse by rule ("
                            + refusedByRule + ") and delete (" + deleted.size() + ")");
            contestedWins.forEach((name, wins) -> assertEquals(1, wins.get(), name + " created more than once"));

            Map<Long, Row> stored = rowsFromOutside(kind, store, folder);
            Set<String> storedNames = new HashSet<>();
            for (Row row : stored.values()) {
                assertTrue(storedNames.add(row.name.toLowerCase(Locale.ROOT)), "duplicate name " + row.name);
            }
            for (CustomerTypeKey key : chainKeys) {
                assertTrue(stored.containsKey(key.value()), "chain type " + key + " lost");
            }
            created.forEach((key, name) -> {
                if (deleted.contains(key)) {
                    assertFalse(stored.containsKey(key.value()), "deleted type " + key + " still stored");
                } else {
                    assertTrue(stored.containsKey(key.value()) && stored.get(key.value()).name.equals(name),
                            "acknowledged type " + key + " (" + name + ") lost");
                }
            });
            for (String name : refusedNames) {
                assertFalse(storedNames.contains(name.toLowerCase(Locale.ROOT)),
                        "refused " + name + " stored");
            }
            assertEquals(chainKeys.size() + created.size() - deleted.size(), stored.size(), "types stored");
            assertHierarchyRules(stored);
            assertPagesExact(ports, stored);
            System.out.println("group commit race over " + kind + ": " + created.size() + " created, "
                    + deleted.size() + " deleted, " + refusedAfterWriting + " units refused after a write, "
                    + refusedByRule + " refused by a rule" + batchesSeen(kind, store, folder));
        }
    }

    private static CustomerTypeKey create(CustomerTypeService service, String name, CustomerTypeStatus status,
            CustomerTypeKey parent) {
        return service.createCustomerType(new CreateCustomerTypeCommand(SYSTEM, C0, Name.of(name), status,
                parent == null ? null : ParentReference.byKey(parent))).type().key();
    }

    private static Criteria activeByName(Paging paging) {
        return new Criteria(Comparison.of(CustomerTypeField.STATUS, Operator.EQ, "active"),
                List.of(SortKey.desc(CustomerTypeField.NAME)), paging);
    }

    private record Row(long key, String name, boolean active, Long parent) {}

    private static Map<Long, Row> rowsFromOutside(StoreKind kind, SqlStore store, Path folder) throws Exception {
        Map<Long, Row> rows = new HashMap<>();
        try (Connection connection = kind.connectOutside(store, folder);
                var statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        "SELECT key, name, status, parent_key FROM customer_type WHERE company_id = 0")) {
            while (result.next()) {
                long parent = result.getLong(4);
                Long parentKey = result.wasNull() ? null : parent;
                rows.put(result.getLong(1), new Row(result.getLong(1), result.getString(2),
                        result.getString(3).equals("active"), parentKey));
            }
        }
        return rows;
    }

    private static void assertHierarchyRules(Map<Long, Row> stored) {
        for (Row row : stored.values()) {
            Set<Long> path = new HashSet<>();
            Row current = row;
            int depth = 1;
            while (current.parent != null) {
                assertTrue(path.add(current.key), "cycle through " + current.key);
                Row parent = stored.get(current.parent);
                assertTrue(parent != null, "dangling parent of " + current.key);
                if (current.active) {
                    assertTrue(parent.active, "active " + current.key + " under inactive " + parent.key);
                }
                current = parent;
                depth++;
            }
            assertTrue(depth <= CustomerTypeHierarchyPolicy.MAX_DEPTH, "depth " + depth + " at " + row.key);
        }
    }

    /** Every page of the list in key order, and of the active types by name, against the rows read from outside. */
    private static void assertPagesExact(PortSet ports, Map<Long, Row> stored) {
        List<Long> keys = stored.keySet().stream().sorted().toList();
        List<String> activeNamesDescending = stored.values().stream().filter(Row::active).map(Row::name)
                .sorted(Comparator.comparing((String name) -> name.toLowerCase(Locale.ROOT))
                        .reversed())
                .toList();
        for (int offset = 0; offset < keys.size(); offset += 7) {
            Page<CustomerTypeView> page = ports.findTypes().findCustomerTypes(C0, Criteria.all(Paging.of(offset, 7)));
            assertEquals(keys.size(), page.total(), "total of the list at offset " + offset);
            assertEquals(keys.subList(offset, Math.min(keys.size(), offset + 7)),
                    page.items().stream().map(view -> view.type().key().value()).toList(),
                    "the list's page at offset " + offset);
        }
        Page<?> active = ports.findTypes().findCustomerTypes(C0, activeByName(Paging.of(0, 1)));
        assertEquals(activeNamesDescending.size(), active.total(), "total of the active types");
    }

    /** On PostgreSQL, how many transactions committed rows of several writers (rows share their xmin). */
    private static String batchesSeen(StoreKind kind, SqlStore store, Path folder) throws Exception {
        if (kind != StoreKind.POSTGRESQL) {
            return "";
        }
        try (Connection connection = kind.connectOutside(store, folder);
                var statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT count(*) FROM (SELECT xmin FROM customer_type"
                        + " GROUP BY xmin HAVING count(*) > 1) shared")) {
            result.next();
            long shared = result.getLong(1);
            assertTrue(shared > 0, "no transaction committed the rows of two writers: no batch formed");
            return "; " + shared + " transactions hold rows of several writers";
        }
    }
}
