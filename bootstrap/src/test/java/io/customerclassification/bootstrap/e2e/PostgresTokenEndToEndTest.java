package io.customerclassification.bootstrap.e2e;

import io.customerclassification.adapter.jdbi.PostgresTestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;

/** The token service over two instances sharing a PostgreSQL database, new for each test and dropped after it. */
class PostgresTokenEndToEndTest extends TokenEndToEndTest {

    private PostgresTestDatabase database;

    @Override
    String store(Path folder) {
        database = PostgresTestDatabase.create();
        return database.url();
    }

    /** Stops both instances, then drops their database. */
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
