package io.customerclassification.adapter.jdbi.sqlite;

import io.customerclassification.adapter.jdbi.session.Maintenance;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Keeps the planner's statistics fresh as a long-running server's data grows: {@code PRAGMA optimize} every
 * {@link #EVERY_COMMITS} write transactions, which analyses only the tables whose size changed by a large factor
 * (see {@link SqliteDatabase} for why the statistics matter). Called by one writer at a time.
 */
final class SqliteMaintenance implements Maintenance {

    static final int EVERY_COMMITS = 5_000;

    private long commits;

    @Override
    public void afterCommit(Connection connection) throws SQLException {
        if (++commits % EVERY_COMMITS == 0) {
            try (var statement = connection.createStatement()) {
                statement.execute("PRAGMA optimize");
            }
        }
    }
}
