package io.customerclassification.adapter.jdbi.sqlite;

import io.customerclassification.adapter.jdbi.page.QueryCompiler;
import io.customerclassification.adapter.jdbi.page.SeekPlans;
import io.customerclassification.adapter.jdbi.session.Jdbc;

/** SQLite's query plan of a seek: a temporary B-tree for its ORDER BY means no index serves its order. */
final class SqliteSeekPlans implements SeekPlans {

    @Override
    public boolean sortsForEachSeek(Jdbc jdbc, QueryCompiler.Sql seek) {
        return jdbc.listOnce("EXPLAIN QUERY PLAN " + seek.text(), seek.parameters(), row -> row.getString("detail"))
                .contains("USE TEMP B-TREE FOR ORDER BY");
    }
}
