package io.customerclassification.domain.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The failed client authentications of one client id in its current window (CONTRACT §4): once
 * {@value #MAX_FAILURES} attempts failed within {@link #WINDOW} of the first, every further attempt — with the
 * right secret too — is refused until the window has passed. A failure after the window starts a new one.
 *
 * <p>An attempt counts as failed from the moment it starts ({@link #afterFailureAt}) and is taken back when its
 * secret proves right ({@link #afterSuccess}): so a burst of concurrent guesses gets no more than
 * {@value #MAX_FAILURES} hashes, however many are under way at once.
 */
public record FailedAuthentications(ClientId clientId, Instant windowStart, int failures) {

    public static final int MAX_FAILURES = 10;
    public static final Duration WINDOW = Duration.ofMinutes(1);

    public FailedAuthentications {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(windowStart, "windowStart");
        if (failures < 0) {
            throw new IllegalArgumentException("failures must not be negative, was " + failures);
        }
    }

    public Instant windowEnd() {
        return windowStart.plus(WINDOW);
    }

    /** @throws TooManyFailedAuthenticationsException when the client id is locked at {@code now} */
    public void checkAttemptAt(Instant now) {
        if (failures >= MAX_FAILURES && now.isBefore(windowEnd())) {
            long millis = Duration.between(now, windowEnd()).toMillis();
            long seconds = Math.max(1, (millis + 999) / 1000);
            throw new TooManyFailedAuthenticationsException(clientId, Duration.ofSeconds(seconds));
        }
    }

    /** The counter once one more attempt has failed at {@code now}. */
    public FailedAuthentications afterFailureAt(Instant now) {
        if (!now.isBefore(windowEnd())) {
            return new FailedAuthentications(clientId, now, 1);
        }
        return new FailedAuthentications(clientId, windowStart, failures + 1);
    }

    /** The counter once an attempt counted up front has succeeded: that attempt is no failure after all. */
    public FailedAuthentications afterSuccess() {
        return new FailedAuthentications(clientId, windowStart, Math.max(0, failures - 1));
    }

    /** A first failure at {@code now}. */
    public static FailedAuthentications firstAt(ClientId clientId, Instant now) {
        return new FailedAuthentications(clientId, now, 1);
    }
}
