package io.customerclassification.adapter.jdbi.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.application.port.out.StoreBusyException;
import io.customerclassification.application.query.Criteria;
import io.customerclassification.application.query.Paging;
import io.customerclassification.domain.customertype.Audit;
import io.customerclassification.domain.customertype.CustomerType;
import io.customerclassification.domain.customertype.CustomerTypeDraft;
import io.customerclassification.domain.customertype.CustomerTypeKey;
import io.customerclassification.domain.customertype.CustomerTypeStatus;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import io.customerclassification.adapter.jdbi.StorePorts;
import io.customerclassification.adapter.jdbi.customertype.CustomerTypeHierarchyAdapter;
import io.customerclassification.adapter.jdbi.page.PageIndex;
import io.customerclassification.adapter.jdbi.session.PreparedStatements;
import io.customerclassification.adapter.jdbi.session.Session;
import io.customerclassification.adapter.jdbi.session.WorkGate;
import io.customerclassification.application.contract.PortSet;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.SQLTransientConnectionException;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No connection or no slot in time: the caller is told the store is busy, not that it failed. */
class StoreBusyTest {

    private static final CompanyId C0 = CompanyId.DEFAULT;

    @TempDir
    Path folder;

    /** A pool that never has a connection to give, as Hikari answers when its timeout passes. */
    private static DataSource exhaustedPool() {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getConnection" -> throw new SQLTransientConnectionException(
                            "Connection is not available, request timed out after 10000ms");
                    case "getLogWriter" -> new PrintWriter(System.err);
                    case "getLoginTimeout" -> 0;
                    default -> null;
                });
    }

    @Test
    void aPoolTimeoutIsBusyOnEveryPath() {
        DataSource pool = exhaustedPool();
        PortSet p = StorePorts.of(SqliteDatabase.stores(pool, PreparedStatements.EACH_TIME, PageIndex.standard(),
                CustomerTypeHierarchyAdapter.standardSubtreeGate(), Session.DEFAULT_GROUP_LIMIT));
        CustomerTypeKey key = CustomerTypeKey.of(1);
        assertThrows(StoreBusyException.class, () -> p.loadType().loadCustomerType(C0, key), "plain JDBC read");
        assertThrows(StoreBusyException.class, () -> p.children().loadChildren(C0, key), "several rows on one connection");
        assertThrows(StoreBusyException.class, () -> p.findTypes().findCustomerTypes(C0, Criteria.all(Paging.of(0, 10))),
                "read transaction");
        assertThrows(StoreBusyException.class, () -> p.transaction().inTransaction(() -> 1), "write transaction");
        assertThrows(StoreBusyException.class, () -> p.descendants().loadDescendants(C0, key, Paging.of(0, 10)), "subtree read");
    }

    @Test
    void subtreeReadsBeyondTheGateAreBusyAndOtherReadsGoOn() {
        Path file = folder.resolve("gate.db");
        CustomerType root;
        try (SqliteDatabase database = SqliteDatabase.open(file)) {
            PortSet p = StorePorts.of(database.stores());
            root = p.saveType().insertCustomerType(new CustomerTypeDraft(C0, Name.of("Root"),
                    CustomerTypeStatus.ACTIVE, null, Audit.created(Instant.EPOCH, null)));
            assertEquals(0, p.descendants().loadDescendants(C0, root.key(), Paging.of(0, 10)).total());
        }
        try (SqliteDatabase database = SqliteDatabase.open(file, PageIndex.standard(),
                new WorkGate(0, 20, "read a subtree"))) {
            PortSet p = StorePorts.of(database.stores());
            StoreBusyException busy = assertThrows(StoreBusyException.class,
                    () -> p.descendants().loadDescendants(C0, root.key(), Paging.of(0, 10)));
            assertTrue(busy.getMessage().contains("read a subtree"), busy.getMessage());
            assertEquals(root, p.loadType().loadCustomerType(C0, root.key()).orElseThrow());
        }
    }

    @Test
    void aGateLetsItsPermitsThroughAndTheNextWaitsItsTimeout() throws Exception {
        WorkGate gate = new WorkGate(2, 200, "work");
        CountDownLatch inside = new CountDownLatch(2);
        CountDownLatch leave = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = threads.submit(() -> gate.run(() -> hold(inside, leave)));
            Future<?> second = threads.submit(() -> gate.run(() -> hold(inside, leave)));
            assertTrue(inside.await(5, TimeUnit.SECONDS));
            long started = System.nanoTime();
            assertThrows(StoreBusyException.class, () -> gate.run(() -> 3));
            assertTrue(System.nanoTime() - started >= TimeUnit.MILLISECONDS.toNanos(150), "it waited first");
            leave.countDown();
            first.get(5, TimeUnit.SECONDS);
            second.get(5, TimeUnit.SECONDS);
            assertEquals(3, gate.run(() -> 3), "a permit came back");
        } finally {
            threads.shutdownNow();
        }
    }

    private static Object hold(CountDownLatch inside, CountDownLatch leave) {
        inside.countDown();
        try {
            leave.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }
}
