package io.customerclassification.adapter.jdbi.database;

import io.customerclassification.adapter.jdbi.DatabaseUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

/**
 * The schema of one database kind: its Flyway migrations (one folder per database, numbered alike and kept
 * equivalent) and the newest version this build ships. Opening a database first reads the migration history without
 * writing: a schema newer than this build's is refused before anything is written; a schema exactly at
 * {@link #version} with no failed migration opens without Flyway, which takes most of a second to start; anything else
 * goes through Flyway, which migrates under its own lock (so several instances may start at once) or refuses with its
 * reasons.
 *
 * @param location the classpath folder of the migrations ({@code db/migration/sqlite})
 * @param version the newest migration in it
 */
public record Migrations(String location, int version) {

    /** Refuses a newer schema, then migrates unless the schema is current. */
    public void apply(DataSource dataSource) {
        History history = History.of(dataSource);
        refuseNewer(history.newest());
        if (!(history.newest() == version && history.applied() == version && history.failed() == 0)) {
            migrate(dataSource);
        }
    }

    /** What the migration history says: the newest version applied, how many were, how many failed. */
    private record History(int newest, int applied, int failed) {

        static History of(DataSource dataSource) {
            try (Connection connection = dataSource.getConnection();
                    var statement = connection.createStatement();
                    var rows = statement.executeQuery("SELECT MAX(CAST(version AS INTEGER)), COUNT(DISTINCT version),"
                            + " SUM(CASE WHEN success THEN 0 ELSE 1 END) FROM flyway_schema_history"
                            + " WHERE version IS NOT NULL")) {
                return rows.next() ? new History(rows.getInt(1), rows.getInt(2), rows.getInt(3)) : new History(0, 0, 0);
            } catch (SQLException e) {
                return new History(0, 0, 0); // no history table: a new database, or not this product's yet
            }
        }
    }

    private void refuseNewer(Object newest) {
        throw new DatabaseUnavailableException("the database was written by a newer version of the product"
                + " (schema version " + newest + "); this build knows schema versions up to " + version
                + " and leaves the database untouched");
    }

    private void refuseNewer(int newest) {
        if (newest > version) {
            refuseNewer((Object) newest);
        }
    }

    /** Refuses a schema newer than this build's, reading the history only (for a check before any other step). */
    public void refuseNewer(DataSource dataSource) {
        refuseNewer(History.of(dataSource).newest());
    }

    private void migrate(DataSource dataSource) {
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:" + location)
                .load();
        try {
            MigrationInfo[] future = Arrays.stream(flyway.info().all())
                    .filter(info -> info.getState() == MigrationState.FUTURE_SUCCESS
                            || info.getState() == MigrationState.FUTURE_FAILED)
                    .toArray(MigrationInfo[]::new);
            if (future.length > 0) {
                refuseNewer((Object) future[future.length - 1].getVersion());
            }
            flyway.migrate();
        } catch (FlywayException e) {
            throw new DatabaseUnavailableException("cannot migrate the database: " + e.getMessage(), e);
        }
    }
}
