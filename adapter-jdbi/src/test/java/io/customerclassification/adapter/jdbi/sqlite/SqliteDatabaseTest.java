package io.customerclassification.adapter.jdbi.sqlite;

import io.customerclassification.adapter.jdbi.DatabaseUnavailableException;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.domain.customerprofile.CustomerProfileDraft;
import io.customerclassification.domain.customerprofile.CustomerProfileId;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteDatabaseTest {

    @TempDir
    Path folder;

    @Test
    void theSchemaVersionIsTheNewestMigrationShipped() throws IOException {
        Pattern name = Pattern.compile("V(\\d+)__.*\\.sql");
        int newest;
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration/sqlite"))) {
            newest = files.map(f -> name.matcher(f.getFileName().toString())).filter(Matcher::matches)
                    .mapToInt(m -> Integer.parseInt(m.group(1))).max().orElseThrow();
        }
        assertEquals(newest, SqliteDatabase.SCHEMA_VERSION,
                "a new migration must raise SqliteDatabase.SCHEMA_VERSION, or opening would skip it");
    }

    @Test
    void reopeningACurrentDatabaseKeepsItsData() {
        Path file = folder.resolve("again.db");
        try (SqliteDatabase database = SqliteDatabase.open(file)) {
            database.stores().customerProfiles().insertCustomerProfile(
                    new CustomerProfileDraft(CompanyId.DEFAULT, Name.of("Gold"), false));
        }
        try (SqliteDatabase database = SqliteDatabase.open(file)) {
            assertEquals("Gold", database.stores().customerProfiles().loadCustomerProfile(CompanyId.DEFAULT, CustomerProfileId.of(1))
                    .orElseThrow().name().value());
        }
    }

    @Test
    void aDatabaseOfANewerVersionIsRefusedAndLeftUntouched() throws Exception {
        Path file = folder.resolve("newer.db");
        SqliteDatabase.open(file).close();
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                var statement = connection.createStatement()) {
            statement.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, execution_time, success) VALUES (99, '99', 'from the future', 'SQL',"
                    + " 'V99__future.sql', 0, 'test', 0, 1)");
        }
        byte[] before = Files.readAllBytes(file);
        DatabaseUnavailableException e = assertThrows(DatabaseUnavailableException.class, () -> SqliteDatabase.open(file));
        assertTrue(e.getMessage().contains("written by a newer version of the product (schema version 99)"),
                e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file), "the file is left untouched");
    }

    @Test
    void aPathThatCannotBeCreatedIsRefusedWithTheReason() throws IOException {
        Path notAFolder = Files.writeString(folder.resolve("file"), "x");
        DatabaseUnavailableException e = assertThrows(DatabaseUnavailableException.class,
                () -> SqliteDatabase.open(notAFolder.resolve("x.db")));
        assertTrue(e.getMessage().startsWith("cannot create the folder of the database"), e.getMessage());
    }
}
