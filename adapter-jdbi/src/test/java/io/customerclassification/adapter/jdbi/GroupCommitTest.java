package io.customerclassification.adapter.jdbi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.adapter.jdbi.page.PageIndex;
import io.customerclassification.application.contract.PortSet;
import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.port.in.customertype.CreateCustomerTypeCommand;
import io.customerclassification.application.service.CustomerTypeService;
import io.customerclassification.domain.customertype.CustomerTypeStatus;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Group commit step by step, with two writers: the first one's work ends while the second waits for its turn, so
 * the second joins the first one's transaction (or, at a limit of one writer per transaction, gets one of its own);
 * what each sees, and when each is answered, shows which happened.
 */
class GroupCommitTest {

    private static final Caller SYSTEM = Caller.system(null);
    private static final CompanyId C0 = CompanyId.DEFAULT;

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aWriterWhoseTurnComesBeforeTheCommitJoinsTheTransactionAndBothAreAnsweredAfterIt(StoreKind kind)
            throws Exception {
        try (SqlStore store = kind.open(folder, PageIndex.standard(), 64)) {
            PortSet ports = StorePorts.of(store.stores());
            CustomerTypeService service = ports.typeService(Clock.systemUTC());
            AtomicBoolean firstAnswered = new AtomicBoolean();
            CompletableFuture<Boolean> secondSaw = new CompletableFuture<>();

            twoWriters(ports, () -> {
                create(service, "first");
                return null;
            }, firstAnswered, () -> {
                boolean firstVisibleHere = ports.typeNameTaken().isCustomerTypeNameTaken(C0, Name.of("first"));
                secondSaw.complete(firstVisibleHere && !firstAnswered.get() && !committed(kind, store, "first"));
                create(service, "second");
                return null;
            });

            assertTrue(secondSaw.get(), "the second writer ran in the first one's open transaction, before its answer");
            assertTrue(committed(kind, store, "first") && committed(kind, store, "second"));
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aRefusedMemberUndoesOnlyItsOwnWrites(StoreKind kind) throws Exception {
        try (SqlStore store = kind.open(folder, PageIndex.standard(), 64)) {
            PortSet ports = StorePorts.of(store.stores());
            CustomerTypeService service = ports.typeService(Clock.systemUTC());
            AtomicBoolean firstAnswered = new AtomicBoolean();

            CompletableFuture<Void> second = twoWriters(ports, () -> {
                create(service, "kept");
                return null;
            }, firstAnswered, () -> {
                create(service, "undone");
                throw new IllegalArgumentException("refused after its write");
            });

            Exception refusal = assertThrows(Exception.class, second::join);
            assertEquals(IllegalArgumentException.class, refusal.getCause().getClass());
            assertTrue(committed(kind, store, "kept"), "the other member's write committed");
            assertFalse(committed(kind, store, "undone"), "the refused member's write is undone");
            assertEquals(1, countTypes(kind, store), "one type stored");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void atALimitOfOneEveryWriterCommitsAlone(StoreKind kind) throws Exception {
        try (SqlStore store = kind.open(folder, PageIndex.standard(), 1)) {
            PortSet ports = StorePorts.of(store.stores());
            CustomerTypeService service = ports.typeService(Clock.systemUTC());
            AtomicBoolean firstAnswered = new AtomicBoolean();
            CompletableFuture<Boolean> secondSaw = new CompletableFuture<>();

            twoWriters(ports, () -> {
                create(service, "first");
                return null;
            }, firstAnswered, () -> {
                secondSaw.complete(committed(kind, store, "first"));
                return null;
            });

            assertTrue(secondSaw.get(), "the first writer committed before the second one's work ran");
        }
    }

    /**
     * Runs {@code first} in a transaction on one thread and {@code second} on another that asks for its turn while
     * the first one's work is still running; {@code firstAnswered} is set when the first one's call returns. Waits
     * for both; the second one's outcome is returned.
     */
    private static CompletableFuture<Void> twoWriters(PortSet ports, Supplier<Void> first, AtomicBoolean firstAnswered,
            Supplier<Void> second) throws Exception {
        CountDownLatch firstWorking = new CountDownLatch(1);
        CountDownLatch secondWaiting = new CountDownLatch(1);
        CompletableFuture<Void> firstDone = CompletableFuture.runAsync(() -> {
            ports.transaction().inTransaction(() -> {
                first.get();
                firstWorking.countDown();
                await(secondWaiting);
                return null;
            });
            firstAnswered.set(true);
        });
        assertTrue(firstWorking.await(30, TimeUnit.SECONDS), "the first writer started");
        Thread[] secondThread = new Thread[1];
        CompletableFuture<Void> secondDone = new CompletableFuture<>();
        secondThread[0] = new Thread(() -> {
            try {
                ports.transaction().inTransaction(second);
                secondDone.complete(null);
            } catch (RuntimeException e) {
                secondDone.completeExceptionally(e);
            }
        });
        secondThread[0].start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (secondThread[0].getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(Thread.State.WAITING, secondThread[0].getState(), "the second writer waits for its turn");
        secondWaiting.countDown();
        firstDone.get(30, TimeUnit.SECONDS);
        secondThread[0].join(TimeUnit.SECONDS.toMillis(30));
        return secondDone;
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void create(CustomerTypeService service, String name) {
        service.createCustomerType(new CreateCustomerTypeCommand(SYSTEM, C0, Name.of(name), CustomerTypeStatus.ACTIVE,
                null));
    }

    /** Whether a type of that name is committed, as a connection of another process sees the database. */
    private boolean committed(StoreKind kind, SqlStore store, String name) {
        return query(kind, store, "SELECT count(*) FROM customer_type WHERE name = '" + name + "'") == 1;
    }

    private long countTypes(StoreKind kind, SqlStore store) {
        return query(kind, store, "SELECT count(*) FROM customer_type");
    }

    private long query(StoreKind kind, SqlStore store, String sql) {
        try (Connection connection = kind.connectOutside(store, folder);
                var statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
