package io.customerclassification.adapter.jdbi.sqlite;

import io.customerclassification.adapter.jdbi.page.QueryDialect;

/** SQLite's pieces of the compiled SQL: {@code instr}, {@code substr} from the end, {@code json_each}. */
public final class SqliteQueryDialect implements QueryDialect {

    @Override
    public String contains(String x) {
        return "instr(" + x + ", ?) > 0";
    }

    @Override
    public String endsWith(String x) {
        return "substr(" + x + ", -length(?)) = ?";
    }

    @Override
    public String inJsonArray(String x, boolean text) {
        return x + " IN (SELECT value FROM json_each(?))";
    }

    /** SQLite's nulls are smaller than every value. */
    @Override
    public boolean sortsNullsFirst() {
        return true;
    }
}
