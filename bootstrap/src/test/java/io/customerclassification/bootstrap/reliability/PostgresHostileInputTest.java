package io.customerclassification.bootstrap.reliability;

import io.customerclassification.adapter.jdbi.PostgresTestDatabase;
import io.customerclassification.bootstrap.DatabaseLocation;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import net.jqwik.api.lifecycle.BeforeContainer;

/** The hostile-input properties over a PostgreSQL database (skipped without a server, saying so). */
@AddLifecycleHook(PostgresHostileInputTest.NeedsPostgres.class)
class PostgresHostileInputTest extends HostileInput {

    /** jqwik's way to skip a container: without a server every property is reported skipped, with the reason. */
    public static final class NeedsPostgres implements SkipExecutionHook {

        @Override
        public SkipResult shouldBeSkipped(LifecycleContext context) {
            String url = System.getenv(PostgresTestDatabase.ENVIRONMENT);
            if (url != null && !url.isBlank()) {
                return SkipResult.doNotSkip();
            }
            System.err.println("[WARNING] " + PostgresTestDatabase.SKIPPED);
            return SkipResult.skip(PostgresTestDatabase.SKIPPED);
        }
    }

    private static PostgresTestDatabase database;

    @BeforeContainer
    static void start() {
        database = PostgresTestDatabase.create();
        startServerWithTwoSeededCompanies(DatabaseLocation.parse(database.url(), "test"),
                () -> DatabaseFile.postgres(database.url()));
    }

    @AfterContainer
    static void stop() {
        if (database == null) {
            return;
        }
        try {
            stopAndReport();
        } finally {
            database.close();
        }
    }
}
