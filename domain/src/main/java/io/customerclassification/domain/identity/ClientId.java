package io.customerclassification.domain.identity;

import java.util.regex.Pattern;

/**
 * Identifies an API client (OAuth 2.0 {@code client_id}): 1–{@value #MAX_LENGTH} characters of
 * {@code [A-Za-z0-9._-]}, compared exactly (case-sensitive), so that it is safe in a URL path, an HTTP Basic
 * header and a log line as it is.
 */
public record ClientId(String value) implements Comparable<ClientId> {

    public static final int MAX_LENGTH = 64;
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_LENGTH + "}");

    public ClientId {
        if (value == null || !ALLOWED.matcher(value).matches()) {
            throw new InvalidClientIdException(value);
        }
    }

    public static ClientId of(String value) {
        return new ClientId(value);
    }

    /** Whether {@code value} would make a valid client id, without throwing. */
    public static boolean isValid(String value) {
        return value != null && ALLOWED.matcher(value).matches();
    }

    @Override
    public int compareTo(ClientId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
