package io.customerclassification.bootstrap.e2e;

import io.customerclassification.adapter.jdbi.PostgresTestDatabase;
import io.customerclassification.bootstrap.DatabaseLocation;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;

/** The end-to-end journeys over a PostgreSQL database, new for each test and dropped after it. */
class PostgresEndToEndTest extends EndToEndTest {

    private PostgresTestDatabase database;

    @Override
    DatabaseLocation database(Path folder) {
        database = PostgresTestDatabase.create();
        return DatabaseLocation.parse(database.url(), "test");
    }

    /** Stops the server, then drops its database. */
    @Override
    @AfterEach
    void stop() {
        try {
            super.stop();
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }
}
