package io.customerclassification.adapter.jdbi.page;

/**
 * The few pieces of the compiled SQL that differ from one database to the next: the literal-text search functions,
 * how a long list of values goes in as one parameter, and where nulls sort. Everything else the
 * {@link QueryCompiler} writes is SQL that SQLite and PostgreSQL read alike.
 */
public interface QueryDialect {

    /** A predicate true when {@code x} contains the text of one parameter, literally. */
    String contains(String x);

    /** A predicate true when {@code x} ends with the text bound twice, literally (parameters: needle, needle). */
    String endsWith(String x);

    /**
     * A predicate true when {@code x} is one of the values of one parameter, a JSON array
     * ({@link QueryCompiler#jsonArray}).
     *
     * @param text whether the values are text (else numbers)
     */
    String inJsonArray(String x, boolean text);

    /**
     * Whether the database sorts nulls before every value in ascending order, as the query model does; when it
     * does not, nullable terms say {@code NULLS FIRST} / {@code NULLS LAST}.
     */
    boolean sortsNullsFirst();
}
