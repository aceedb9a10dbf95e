package io.customerclassification.bootstrap.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A line on standard error once per interval while a long step of a command runs (one that reports nothing as it
 * goes, such as an import's check and write in one transaction), so an operator can tell it is working and for how
 * long; none once it is closed.
 */
final class Heartbeat implements AutoCloseable {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "progress");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * Starts the lines: the first after one interval, each next one an interval after the last, so that a stalled
     * process does not catch up with a burst.
     */
    Heartbeat(PrintWriter err, Duration every, Supplier<String> line) {
        long period = every.toMillis();
        timer.scheduleWithFixedDelay(() -> {
            err.println(line.get());
            err.flush();
        }, period, period, TimeUnit.MILLISECONDS);
    }

    /** Stops the lines; a line being written is finished first (for at most a second). */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
