package io.customerclassification.application.service;

import java.time.Duration;
import java.util.Objects;

/**
 * How long tokens live: access tokens {@code access} (1 hour by default, CONTRACT §4), a family of refresh tokens
 * {@code refresh} from its {@code client_credentials} grant (30 days by default), however often it is refreshed.
 */
public record TokenLifetimes(Duration access, Duration refresh) {

    public static final TokenLifetimes DEFAULT = new TokenLifetimes(Duration.ofHours(1), Duration.ofDays(30));

    public TokenLifetimes {
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(refresh, "refresh");
        if (access.compareTo(Duration.ofSeconds(1)) < 0 || access.compareTo(refresh) > 0) {
            throw new IllegalArgumentException(
                    "access tokens must live at least 1 s and no longer than refresh tokens: " + access + ", " + refresh);
        }
    }
}
