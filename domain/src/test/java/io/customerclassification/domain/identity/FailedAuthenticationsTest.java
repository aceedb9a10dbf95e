package io.customerclassification.domain.identity;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FailedAuthenticationsTest {

    private static final ClientId CLIENT = ClientId.of("c");
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void tenFailuresWithinTheMinuteLockTheClientIdUntilTheMinuteHasPassed() {
        FailedAuthentications state = FailedAuthentications.firstAt(CLIENT, T0);
        for (int i = 2; i <= 9; i++) {
            state = state.afterFailureAt(T0.plusSeconds(i));
        }
        assertEquals(9, state.failures());
        FailedAuthentications nine = state;
        assertDoesNotThrow(() -> nine.checkAttemptAt(T0.plusSeconds(10)));

        FailedAuthentications ten = state.afterFailureAt(T0.plusSeconds(10));
        TooManyFailedAuthenticationsException e = assertThrows(TooManyFailedAuthenticationsException.class,
                () -> ten.checkAttemptAt(T0.plusSeconds(10)));
        assertEquals(Duration.ofSeconds(50), e.retryAfter());
        assertEquals(CLIENT, e.clientId());
        assertThrows(TooManyFailedAuthenticationsException.class, () -> ten.checkAttemptAt(T0.plusMillis(59_999)));
        assertDoesNotThrow(() -> ten.checkAttemptAt(T0.plusSeconds(60)));
    }

    @Test
    void retryAfterRoundsUpAndIsAtLeastOneSecond() {
        FailedAuthentications locked = new FailedAuthentications(CLIENT, T0, 10);
        assertEquals(Duration.ofSeconds(1), assertThrows(TooManyFailedAuthenticationsException.class,
                () -> locked.checkAttemptAt(T0.plusMillis(59_999))).retryAfter());
        assertEquals(Duration.ofSeconds(60), assertThrows(TooManyFailedAuthenticationsException.class,
                () -> locked.checkAttemptAt(T0)).retryAfter());
        assertEquals(Duration.ofSeconds(31), assertThrows(TooManyFailedAuthenticationsException.class,
                () -> locked.checkAttemptAt(T0.plusMillis(29_001))).retryAfter());
    }

    @Test
    void aFailureAfterTheWindowStartsANewOne() {
        FailedAuthentications locked = new FailedAuthentications(CLIENT, T0, 10);
        FailedAuthentications next = locked.afterFailureAt(T0.plusSeconds(61));
        assertEquals(1, next.failures());
        assertEquals(T0.plusSeconds(61), next.windowStart());
    }

    @Test
    void aSuccessTakesBackTheAttemptCountedUpFrontAndNothingMore() {
        FailedAuthentications tenUnderWay = new FailedAuthentications(CLIENT, T0, 10);
        FailedAuthentications nine = tenUnderWay.afterSuccess();
        assertEquals(new FailedAuthentications(CLIENT, T0, 9), nine);
        assertDoesNotThrow(() -> nine.checkAttemptAt(T0.plusSeconds(1)));
        assertEquals(0, FailedAuthentications.firstAt(CLIENT, T0).afterSuccess().afterSuccess().failures());
    }
}
