package io.customerclassification.adapter.jdbi.postgres;

import io.customerclassification.adapter.jdbi.session.KeyCounters;
import io.customerclassification.adapter.jdbi.session.Jdbc;

/** The identity columns' sequences; a sequence never called yet has handed out nothing. */
final class PostgresKeyCounters implements KeyCounters {

    @Override
    public long taken(Jdbc jdbc, String table, String keyColumn) {
        return jdbc.first("SELECT pg_sequence_last_value(CAST(pg_get_serial_sequence(?, ?) AS regclass))",
                row -> row.getLong(1), table, keyColumn).orElse(0L);
    }

    @Override
    public void takeUpTo(Jdbc jdbc, String table, String keyColumn, long key) {
        if (key > taken(jdbc, table, keyColumn)) {
            jdbc.first("SELECT setval(pg_get_serial_sequence(?, ?), ?)", row -> row.getLong(1), table, keyColumn, key);
        }
    }
}
