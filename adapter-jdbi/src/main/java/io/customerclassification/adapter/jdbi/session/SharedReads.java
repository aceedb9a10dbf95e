package io.customerclassification.adapter.jdbi.session;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * The one pooled connection a thread's plain reads share inside a scope ({@link Session#sharingReads}), of any
 * session: a request that reads the identity version and then its row takes one connection from the pool, not two.
 * The thread gives it back before it takes another connection (a snapshot, a write transaction) and before it waits
 * at a {@link WorkGate} or for its turn among the writers, so it never holds two, nor one while it waits. Each read
 * still runs in autocommit, in a snapshot of its own. A scope opened inside another joins it.
 */
final class SharedReads {

    /** The connection shared now, and the session and errors of the store it is from. */
    private static final class Shared {
        private Session session;
        private SqlErrors errors;
        private Connection connection;
    }

    private static final ThreadLocal<Shared> SHARED = new ThreadLocal<>();

    private SharedReads() {}

    /** Opens a scope, or joins the thread's open one; closing the outermost gives the connection back. */
    static Session.ReadScope open() {
        if (SHARED.get() != null) {
            return () -> { };
        }
        SHARED.set(new Shared());
        return () -> {
            try {
                giveBack();
            } finally {
                SHARED.remove();
            }
        };
    }

    /**
     * The connection the thread's reads share for {@code session}, taken by {@code take} at the first read (after
     * giving back one of another session); null outside a scope.
     */
    static Connection connection(Session session, SqlErrors errors, Supplier<Connection> take) {
        Shared shared = SHARED.get();
        if (shared == null) {
            return null;
        }
        if (shared.session != session) {
            giveBack();
            shared.connection = take.get();
            shared.session = session;
            shared.errors = errors;
        }
        return shared.connection;
    }

    /** Gives the connection this thread's reads share back to its pool, if it holds one. */
    static void giveBack() {
        Shared shared = SHARED.get();
        if (shared == null || shared.connection == null) {
            return;
        }
        SqlErrors errors = shared.errors;
        Connection connection = shared.connection;
        shared.session = null;
        shared.errors = null;
        shared.connection = null;
        try {
            connection.close();
        } catch (SQLException e) {
            throw StoreFailures.translate(errors, "closing a connection", e);
        }
    }
}
