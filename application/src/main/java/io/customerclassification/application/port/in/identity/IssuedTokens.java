package io.customerclassification.application.port.in.identity;

import java.time.Duration;
import java.util.Objects;

/**
 * A token answer (RFC 6749 §5.1): a bearer access token, its lifetime, and the refresh token that gets the next
 * one. {@link #toString()} never shows the tokens.
 */
public record IssuedTokens(String accessToken, Duration expiresIn, String refreshToken) {

    public IssuedTokens {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(expiresIn, "expiresIn");
        Objects.requireNonNull(refreshToken, "refreshToken");
    }

    @Override
    public String toString() {
        return "IssuedTokens[expiresIn=" + expiresIn + ", tokens=(hidden)]";
    }
}
