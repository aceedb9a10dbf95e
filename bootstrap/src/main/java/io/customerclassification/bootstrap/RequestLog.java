package io.customerclassification.bootstrap;

import io.customerclassification.adapter.http.LogText;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request log: one {@code method= path= status= durationMs= requestId=} line per answered request, on the logger
 * {@code requests}.
 *
 * <p>A request thread only queues its line; one background thread writes the queued lines every few
 * milliseconds, because the logging binding formats every timestamp under one lock and writes every line under
 * another, and request threads writing their own lines queue on those locks (docs/performance.md). Queueing takes
 * no lock and wakes no thread. A line therefore appears up to {@link #FLUSH_EVERY} after its response, with the
 * time it was written; a killed process loses at most the lines of that interval (the data is not affected: every
 * write is committed before its response). When the writer falls {@link #CAPACITY} lines behind, further lines are counted instead of
 * queued, and the count is logged as a warning once the writer catches up, so the log cannot eat the heap.
 */
final class RequestLog implements AutoCloseable {

    private static final Logger REQUESTS = LoggerFactory.getLogger("requests");

    static final int CAPACITY = 65_536;
    static final Duration FLUSH_EVERY = Duration.ofMillis(5);

    private record Line(String method, String path, int status, float millis, String requestId) {}

    private final ConcurrentLinkedQueue<Line> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final LongAdder dropped = new LongAdder();
    private final Logger target;
    private final int capacity;
    private final Thread writer;
    private volatile boolean closed;

    RequestLog() {
        this(REQUESTS, CAPACITY);
    }

    RequestLog(Logger target, int capacity) {
        this.target = target;
        this.capacity = capacity;
        this.writer = new Thread(this::run, "request-log");
        writer.setDaemon(true);
        if (target.isInfoEnabled()) {
            writer.start();
        }
    }

    /** Queues the line of one answered request; returns at once. */
    void record(String method, String path, int status, float millis, String requestId) {
        if (closed || !target.isInfoEnabled()) {
            return;
        }
        if (queued.incrementAndGet() > capacity) {
            queued.decrementAndGet();
            dropped.increment();
            return;
        }
        queue.add(new Line(method, path, status, millis, requestId));
    }

    /** Writes what is queued, then stops the writer. */
    @Override
    public void close() {
        closed = true;
        if (writer.isAlive()) {
            LockSupport.unpark(writer);
            try {
                writer.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        long pause = FLUSH_EVERY.toNanos();
        while (true) {
            boolean last = closed;
            drain();
            if (last) {
                return;
            }
            LockSupport.parkNanos(this, pause);
        }
    }

    private void drain() {
        Line line;
        while ((line = queue.poll()) != null) {
            queued.decrementAndGet();
            target.info("method={} path={} status={} durationMs={} requestId={}", line.method(),
                    LogText.of(line.path()), line.status(), tenths(line.millis()), line.requestId());
        }
        long lost = dropped.sumThenReset();
        if (lost > 0) {
            target.warn("{} request lines were not written: the log fell {} lines behind", lost, capacity);
        }
    }

    /**
     * {@code 12.3}: the duration to a tenth of a millisecond, without {@code String.format}, which is slow for a
     * line written for every request.
     */
    static String tenths(float millis) {
        long tenths = Math.round(millis * 10.0);
        return (tenths / 10) + "." + (tenths % 10);
    }
}
