package io.customerclassification.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.event.EventRecordingLogger;
import org.slf4j.event.Level;
import org.slf4j.event.SubstituteLoggingEvent;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.SubstituteLogger;

class RequestLogTest {

    private final ConcurrentLinkedQueue<SubstituteLoggingEvent> events = new ConcurrentLinkedQueue<>();
    private final EventRecordingLogger target =
            new EventRecordingLogger(new SubstituteLogger("requests", events, false), events);

    private List<String> lines(Level level) {
        return events.stream().filter(e -> e.getLevel() == level)
                .map(e -> MessageFormatter.arrayFormat(e.getMessage(), e.getArgumentArray()).getMessage())
                .toList();
    }

    @Test
    void everyRecordedRequestIsWrittenInOrderByTheTimeTheLogCloses() {
        RequestLog log = new RequestLog(target, 1_000);
        for (int i = 0; i < 500; i++) {
            log.record("GET", "/things/" + i, 200, i / 10f, "id");
        }
        log.close();
        List<String> lines = lines(Level.INFO);
        assertEquals(500, lines.size());
        assertEquals("method=GET path=/things/0 status=200 durationMs=0.0 requestId=id", lines.get(0));
        assertEquals("method=GET path=/things/499 status=200 durationMs=49.9 requestId=id", lines.get(499));
    }

    @Test
    void linesAreWrittenWithinAFewMillisecondsWithoutClosing() throws InterruptedException {
        RequestLog log = new RequestLog(target, 1_000);
        log.record("POST", "/things", 201, 1.25f, "id");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (lines(Level.INFO).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertEquals(List.of("method=POST path=/things status=201 durationMs=1.3 requestId=id"), lines(Level.INFO));
        log.close();
    }

    @Test
    void clientTextIsEscapedSoItCannotForgeLines() {
        RequestLog log = new RequestLog(target, 1_000);
        log.record("GET", "/x\r\nINFO requests - method=GET path=/forged", 404, 0.5f, "id");
        log.close();
        String line = lines(Level.INFO).get(0);
        assertTrue(!line.contains("\n") && !line.contains("\r"), line);
    }

    @Test
    void linesBeyondTheCapacityAreCountedAndReportedNotQueued() {
        RequestLog log = new RequestLog(target, 0);
        log.record("GET", "/a", 200, 1f, "id");
        log.record("GET", "/b", 200, 1f, "id");
        log.record("GET", "/c", 200, 1f, "id");
        log.close();
        assertEquals(List.of(), lines(Level.INFO));
        assertEquals(List.of("3 request lines were not written: the log fell 0 lines behind"), lines(Level.WARN));
    }

    @Test
    void manyThreadsLoseNoLine() throws InterruptedException {
        RequestLog log = new RequestLog(target, 1_000_000);
        int threads = 8;
        int each = 5_000;
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            int id = t;
            new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    log.record("GET", "/t" + id + "/" + i, 200, 0f, "id");
                }
                done.countDown();
            }).start();
        }
        assertTrue(done.await(30, TimeUnit.SECONDS));
        log.close();
        assertEquals(threads * each, lines(Level.INFO).size());
        assertEquals(List.of(), lines(Level.WARN));
    }

    @Test
    void durationsAreWrittenToATenthOfAMillisecond() {
        assertEquals("0.0", RequestLog.tenths(0f));
        assertEquals("0.1", RequestLog.tenths(0.05f));
        assertEquals("12.3", RequestLog.tenths(12.34f));
        assertEquals("10.0", RequestLog.tenths(9.96f));
        assertEquals("1234.5", RequestLog.tenths(1234.5f));
    }
}
