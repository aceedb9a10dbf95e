package io.customerclassification.adapter.jdbi.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.customerclassification.adapter.jdbi.sqlite.SqliteDatabase;
import io.customerclassification.application.port.out.StoreBusyException;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** {@link Session#sharingReads}: one connection for a thread's plain reads, never two held, none held waiting. */
class SharedReadsTest {

    @TempDir
    Path folder;

    private final Counting connections = new Counting();
    private SqliteDatabase database;
    private Session session;

    @BeforeEach
    void open() {
        SQLiteDataSource sqlite = new SQLiteDataSource();
        sqlite.setUrl("jdbc:sqlite:" + folder.resolve("shared.db"));
        connections.target = sqlite;
        database = SqliteDatabase.open(connections);
        session = database.stores().session();
        connections.taken.set(0);
        connections.mostOpen.set(0);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private int one() {
        return session.read(jdbc -> jdbc.first("SELECT 1", row -> row.getInt(1)).orElseThrow());
    }

    @Test
    void outsideAScopeEachReadTakesAConnectionOfItsOwn() {
        one();
        one();
        assertEquals(2, connections.taken.get());
        assertEquals(0, connections.open.get());
    }

    @Test
    void insideAScopeTheReadsShareOneConnectionUntilItCloses() {
        try (Session.ReadScope scope = Session.sharingReads()) {
            one();
            one();
            one();
            assertEquals(1, connections.open.get(), "held between the reads");
        }
        assertEquals(1, connections.taken.get());
        assertEquals(0, connections.open.get(), "given back when the scope closes");
    }

    @Test
    void aScopeWithoutReadsTakesNothing() {
        try (Session.ReadScope scope = Session.sharingReads()) {
            assertEquals(0, connections.open.get());
        }
        assertEquals(0, connections.taken.get());
    }

    @Test
    void aNestedScopeJoinsTheOuterOne() {
        try (Session.ReadScope outer = Session.sharingReads()) {
            one();
            try (Session.ReadScope inner = Session.sharingReads()) {
                one();
            }
            assertEquals(1, connections.open.get(), "the inner scope leaves the outer's connection alone");
            one();
        }
        assertEquals(1, connections.taken.get());
        assertEquals(0, connections.open.get());
    }

    @Test
    void theSharedConnectionIsGivenBackBeforeASnapshotOrAWriteTakesAnother() {
        try (Session.ReadScope scope = Session.sharingReads()) {
            one();
            session.snapshot(jdbc -> jdbc.first("SELECT 2", row -> row.getInt(1)));
            one();
            session.write(jdbc -> jdbc.update("CREATE TABLE IF NOT EXISTS shared_probe (x INTEGER)"));
            one();
        }
        assertEquals(1, connections.mostOpen.get(), "never two connections held at once");
        assertEquals(5, connections.taken.get());
        assertEquals(0, connections.open.get());
    }

    @Test
    void aThreadWaitingAtAGateHoldsNoConnection() {
        WorkGate gate = new WorkGate(1, 1_000, "test");
        try (Session.ReadScope scope = Session.sharingReads()) {
            one();
            gate.run(() -> {
                assertEquals(0, connections.open.get(), "given back before the wait");
                return null;
            });
        }
        WorkGate closed = new WorkGate(0, 10, "wait in vain");
        try (Session.ReadScope scope = Session.sharingReads()) {
            one();
            assertThrows(StoreBusyException.class, () -> closed.run(() -> null));
            assertEquals(0, connections.open.get());
        }
    }

    @Test
    void aFailedReadLeavesTheScopeUsable() {
        try (Session.ReadScope scope = Session.sharingReads()) {
            assertThrows(IllegalStateException.class,
                    () -> session.read(jdbc -> jdbc.first("SELECT nothing FROM nowhere", row -> 0)));
            assertEquals(1, one());
        }
        assertEquals(1, connections.taken.get());
        assertEquals(0, connections.open.get());
    }

    /** A data source that counts the connections it gives, those still open, and the most open at once. */
    private static final class Counting implements DataSource {
        private DataSource target;
        final AtomicInteger taken = new AtomicInteger();
        final AtomicInteger open = new AtomicInteger();
        final AtomicInteger mostOpen = new AtomicInteger();

        @Override
        public Connection getConnection() throws SQLException {
            return counted(target.getConnection());
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return counted(target.getConnection(user, password));
        }

        private Connection counted(Connection connection) {
            taken.incrementAndGet();
            mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
            AtomicInteger closes = new AtomicInteger();
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("close") && closes.getAndIncrement() == 0) {
                            open.decrementAndGet();
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return target.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            target.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            target.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return target.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return target.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return target.isWrapperFor(type);
        }
    }
}
