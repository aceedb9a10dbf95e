package io.customerclassification.adapter.jdbi.postgres;

import io.customerclassification.adapter.jdbi.page.QueryDialect;

/** PostgreSQL's pieces of the compiled SQL: {@code strpos}, {@code right}, {@code jsonb_array_elements_text}. */
final class PostgresQueryDialect implements QueryDialect {

    @Override
    public String contains(String x) {
        return "strpos(" + x + ", ?) > 0";
    }

    @Override
    public String endsWith(String x) {
        return "right(" + x + ", length(?)) = ?";
    }

    @Override
    public String inJsonArray(String x, boolean text) {
        String values = "jsonb_array_elements_text(CAST(? AS jsonb))";
        return x + " IN (SELECT " + (text ? values : "CAST(" + values + " AS numeric)") + ")";
    }

    /** PostgreSQL sorts nulls after every value in ascending order. */
    @Override
    public boolean sortsNullsFirst() {
        return false;
    }
}
