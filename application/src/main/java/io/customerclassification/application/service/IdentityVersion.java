package io.customerclassification.application.service;

import io.customerclassification.application.port.out.identity.IdentityChangePort;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The store's identity version as the authentication of requests reads it: a reading that began at most
 * {@link #BOUND} ago, so that a busy instance reads the store once per bound instead of once per request.
 *
 * <p>What keeps a change of identity taking effect at once on every instance is the other half of the rule: the
 * use case that records a change answers only after waiting out the bound once its transaction has committed
 * ({@link #settle()}). Any request that arrives after that answer, on any instance, is authenticated against a
 * reading that began after the commit, and so sees the change. Both halves measure elapsed time on their own
 * instance's monotonic clock; no two clocks are compared.
 */
final class IdentityVersion {

    /** How old, at most, the reading is that a request is authenticated against. */
    static final Duration BOUND = Duration.ofMillis(10);

    /** Added to the wait after a change, so that the two instances' timer granularities cannot eat the bound. */
    private static final Duration MARGIN = Duration.ofMillis(2);

    /** A version and when the read that returned it began. */
    private record Reading(long version, long startedNanos) {}

    private final IdentityChangePort port;
    private final LongSupplier nanoTime;
    private final long boundNanos;
    private volatile Reading last;

    IdentityVersion(IdentityChangePort port) {
        this(port, System::nanoTime, BOUND);
    }

    IdentityVersion(IdentityChangePort port, LongSupplier nanoTime, Duration bound) {
        this.port = Objects.requireNonNull(port, "port");
        this.nanoTime = nanoTime;
        this.boundNanos = bound.toNanos();
    }

    /** The version of a reading that began at most {@link #BOUND} ago; reads the store when the last one is older. */
    long current() {
        long now = nanoTime.getAsLong();
        Reading reading = last;
        if (reading != null && now - reading.startedNanos() < boundNanos) {
            return reading.version();
        }
        // the start is taken before the read, so the reading is never younger than it claims
        Reading fresh = new Reading(port.currentIdentityVersion(), now);
        Reading known = last;
        if (known == null || known.startedNanos() - fresh.startedNanos() < 0) {
            last = fresh; // a race between two readers keeps either: each is labelled with its own start
        }
        return fresh.version();
    }

    /**
     * Waits out the bound after a committed change of identity, so that the caller's answer reaches its client only
     * when every instance's readings have begun after the commit. Call it after the transaction, never inside it.
     */
    static void settle() {
        long deadline = System.nanoTime() + BOUND.plus(MARGIN).toNanos();
        boolean interrupted = false;
        for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
            try {
                Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
            } catch (InterruptedException e) {
                interrupted = true; // the wait is what makes the change visible: finish it, then pass the interrupt on
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
