package io.customerclassification.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.application.port.out.identity.IdentityChangePort;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class IdentityVersionTest {

    private static final Duration BOUND = Duration.ofMillis(10);

    /** A store's counter that counts its reads; a read can take time on the test's clock. */
    private static final class CountingPort implements IdentityChangePort {
        private final AtomicLong clock;
        private long version;
        private int reads;
        private long readTakesNanos;

        CountingPort(AtomicLong clock) {
            this.clock = clock;
        }

        @Override
        public long currentIdentityVersion() {
            reads++;
            long seen = version;
            clock.addAndGet(readTakesNanos);
            return seen;
        }

        @Override
        public void recordIdentityChange() {
            version++;
        }
    }

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final CountingPort port = new CountingPort(clock);
    private final IdentityVersion versions = new IdentityVersion(port, clock::get, BOUND);

    @Test
    void theStoreIsReadOncePerBoundAndAgainAfterIt() {
        assertEquals(0, versions.current());
        port.recordIdentityChange();
        clock.addAndGet(BOUND.toNanos() - 1);
        assertEquals(0, versions.current(), "a reading younger than the bound answers");
        assertEquals(1, port.reads);
        clock.addAndGet(1);
        assertEquals(1, versions.current(), "a reading as old as the bound is read again");
        assertEquals(2, port.reads);
    }

    @Test
    void aReadingIsAsOldAsTheMomentItsReadBegan() {
        port.readTakesNanos = BOUND.toNanos();
        versions.current();
        port.readTakesNanos = 0;
        port.recordIdentityChange();
        assertEquals(1, versions.current(), "a read that took the whole bound leaves nothing to reuse");
        assertEquals(2, port.reads);
    }

    @Test
    void aChangeSettlesForLongerThanTheBoundEvenWhenTheWaitIsInterrupted() {
        Thread.currentThread().interrupt();
        long start = System.nanoTime();
        IdentityVersion.settle();
        long waited = System.nanoTime() - start;
        assertTrue(Thread.interrupted(), "the interrupt is passed on");
        assertTrue(waited > IdentityVersion.BOUND.toNanos(), "waited " + waited + " ns");
    }
}
