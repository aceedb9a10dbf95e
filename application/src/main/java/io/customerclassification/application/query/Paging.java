package io.customerclassification.application.query;

/**
 * A window over an ordered result: skip {@code offset} matches, return at most {@code limit}.
 * A limit of 0 asks only for the total.
 */
public record Paging(long offset, int limit) {

    /** The largest page any dialect may ask for (Intacct's query service caps {@code size} at 4000). */
    public static final int MAX_LIMIT = 4000;

    public Paging {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, was " + offset);
        }
        if (limit < 0 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 0 and " + MAX_LIMIT + ", was " + limit);
        }
    }

    public static Paging of(long offset, int limit) {
        return new Paging(offset, limit);
    }

    public static Paging firstPage(int limit) {
        return new Paging(0, limit);
    }
}
