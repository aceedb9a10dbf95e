package io.customerclassification.adapter.jdbi.page;

/**
 * The two functions the compiled SQL calls so that text compares exactly as the query model defines it, whatever
 * the database's own case rules and LIKE: every connection of the store has them (SQLite: Java functions registered
 * on each connection), and they give the same answers as {@code Name.fold} and {@code TextPatterns.likeMatches}.
 */
public final class TextFunctions {

    /** {@code cc_fold(text)}: {@code Name.fold(text)}, null for null. */
    public static final String FOLD = "cc_fold";

    /** {@code cc_like(pattern, text)}: 1 when {@code TextPatterns.likeMatches(pattern, text)}, else 0; null for null. */
    public static final String LIKE = "cc_like";

    private TextFunctions() {}
}
