package io.customerclassification.adapter.jdbi.sqlite;

import io.customerclassification.adapter.jdbi.session.KeyCounters;
import io.customerclassification.adapter.jdbi.session.Jdbc;

/** {@code AUTOINCREMENT}'s counters: a row per table in {@code sqlite_sequence}, written when a key is taken. */
final class SqliteKeyCounters implements KeyCounters {

    @Override
    public long taken(Jdbc jdbc, String table, String keyColumn) {
        return jdbc.first("SELECT seq FROM sqlite_sequence WHERE name = ?", row -> row.getLong(1), table).orElse(0L);
    }

    @Override
    public void takeUpTo(Jdbc jdbc, String table, String keyColumn, long key) {
        if (jdbc.update("UPDATE sqlite_sequence SET seq = MAX(seq, ?) WHERE name = ?", key, table) == 0) {
            jdbc.update("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", table, key);
        }
    }
}
