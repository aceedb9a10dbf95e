package io.customerclassification.adapter.jdbi.session;

import io.customerclassification.application.port.out.StoreBusyException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * At most {@code permits} units of one kind of long work at once, taken before the work asks for a pooled
 * connection: a flood of long reads (a subtree over a million types, say) then holds that many connections, not all
 * of them, and the other requests keep theirs. A caller waits holding no connection. A caller that waits longer
 * than the timeout gets {@link StoreBusyException}.
 */
public final class WorkGate {

    private final Semaphore permits;
    private final long timeoutMillis;
    private final String work;

    public WorkGate(int permits, long timeoutMillis, String work) {
        this.permits = new Semaphore(permits, true);
        this.timeoutMillis = timeoutMillis;
        this.work = work;
    }

    public <T> T run(Supplier<T> task) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreBusyException("interrupted while waiting to " + work, e);
        }
        if (!acquired) {
            throw new StoreBusyException("waited " + timeoutMillis + " ms to " + work + "; too many at once");
        }
        try {
            return task.get();
        } finally {
            permits.release();
        }
    }
}
