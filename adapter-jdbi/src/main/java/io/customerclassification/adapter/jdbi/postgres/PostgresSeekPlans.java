package io.customerclassification.adapter.jdbi.postgres;

import io.customerclassification.adapter.jdbi.page.QueryCompiler;
import io.customerclassification.adapter.jdbi.page.SeekPlans;
import io.customerclassification.adapter.jdbi.session.Jdbc;
import java.util.regex.Pattern;

/** PostgreSQL's query plan of a seek: a Sort node means no index serves its order. */
final class PostgresSeekPlans implements SeekPlans {

    private static final Pattern SORT = Pattern.compile("^\\s*(->\\s+)?(Incremental )?Sort\\b");

    @Override
    public boolean sortsForEachSeek(Jdbc jdbc, QueryCompiler.Sql seek) {
        return jdbc.listOnce("EXPLAIN " + seek.text(), seek.parameters(), row -> row.getString(1)).stream()
                .anyMatch(line -> SORT.matcher(line).find());
    }
}
