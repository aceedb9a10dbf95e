package io.customerclassification.bootstrap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The progress lines of a long command step: one per interval while it runs, none before the first, none after. */
class HeartbeatTest {

    private static final Duration EVERY = Duration.ofMillis(50);

    @Test
    void aLinePerIntervalWhileOpenAndNoneOnceClosed() throws InterruptedException {
        StringWriter text = new StringWriter();
        PrintWriter err = new PrintWriter(text);
        AtomicInteger asked = new AtomicInteger();
        CountDownLatch three = new CountDownLatch(3);
        long started = System.nanoTime();
        try (Heartbeat beat = new Heartbeat(err, EVERY, () -> {
            three.countDown();
            return "beat " + asked.incrementAndGet();
        })) {
            assertEquals("", text.toString(), "no line before the first interval has passed");
            assertTrue(three.await(30, TimeUnit.SECONDS), "three intervals passed without three lines");
        }
        long elapsed = System.nanoTime() - started;
        List<String> lines = text.toString().lines().toList();
        assertTrue(lines.size() >= 3, lines.toString());
        assertTrue(lines.size() <= elapsed / EVERY.toNanos() + 1, lines.size() + " lines in " + elapsed / 1_000_000
                + " ms: more than one per interval");
        assertEquals("beat 1", lines.get(0));
        int atClose = asked.get();
        Thread.sleep(EVERY.toMillis() * 4); // observing that nothing more comes, not waiting for something
        assertEquals(atClose, asked.get(), "a line was made after close");
        assertEquals(atClose, text.toString().lines().count());
    }
}
