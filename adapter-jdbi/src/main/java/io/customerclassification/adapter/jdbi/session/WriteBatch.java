package io.customerclassification.adapter.jdbi.session;

import io.customerclassification.application.port.out.StoreBusyException;
import io.customerclassification.application.port.out.StoreFullException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * One write transaction and the writers that share it, each of whose work runs under a savepoint of its own
 * (the first one's under the transaction itself: while it is alone, a failure of its work rolls back the
 * transaction and ends the batch). Its members run one at a time, in turn at the {@link Session}'s writers' lock;
 * it ends with one commit, or with a rollback when a failure leaves the transaction unusable, and only then do its
 * members answer.
 */
final class WriteBatch {

    private final Session session;
    final Connection connection;
    final Jdbc jdbc;
    /** What the members whose work succeeded changed, and the versions before the batch's first changes. */
    final Changes changes = new Changes();
    int members;
    /** Set in turn; read by the member that holds the turn, or after {@link #awaitEnd}. */
    boolean ended;
    Throwable failure;

    WriteBatch(Session session, Connection connection, Jdbc jdbc) {
        this.session = session;
        this.connection = connection;
        this.jdbc = jdbc;
    }

    /** Runs one member's work in the batch, on the caller's thread, in turn. */
    <T> BatchMember<T> run(Supplier<T> work) {
        String savepoint = members == 0 ? null : "cc_member_" + members;
        members++;
        if (savepoint != null) {
            try {
                session.attempt("starting a member of a write transaction", () -> execute("SAVEPOINT " + savepoint));
            } catch (RuntimeException e) {
                session.abandon(this, e);
                return new BatchMember<>(null, e);
            }
        }
        Changes own = new Changes();
        session.enter(this, own);
        try {
            T result = work.get();
            if (savepoint != null) {
                session.attempt("ending a member of a write transaction", () -> execute("RELEASE SAVEPOINT " + savepoint));
            }
            changes.addAll(own);
            return new BatchMember<>(result, null);
        } catch (RuntimeException | Error e) {
            if (savepoint == null) {
                session.abandon(this, e);
                return new BatchMember<>(null, e);
            }
            try {
                session.attempt("undoing a member of a write transaction", () -> {
                    execute("ROLLBACK TO SAVEPOINT " + savepoint);
                    execute("RELEASE SAVEPOINT " + savepoint);
                });
            } catch (RuntimeException undoFailed) {
                session.abandon(this, e instanceof StoreFullException || e instanceof StoreBusyException ? e : undoFailed);
            }
            return new BatchMember<>(null, e);
        } finally {
            session.leave();
        }
    }

    private void execute(String sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    synchronized void end(Throwable failure) {
        this.failure = failure;
        this.ended = true;
        notifyAll();
    }

    /**
     * Waits, without a timeout and through interrupts, for the member that closes the batch: a member's answer
     * must not go out before the commit that makes it true.
     */
    synchronized Throwable awaitEnd() {
        boolean interrupted = false;
        while (!ended) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return failure;
    }
}
