package io.customerclassification.adapter.jdbi.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.adapter.jdbi.DatabaseUnavailableException;
import io.customerclassification.adapter.jdbi.PostgresTestDatabase;
import io.customerclassification.domain.customerprofile.CustomerProfileDraft;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PostgresDatabaseTest {

    @Test
    void theSchemaVersionIsTheNewestMigrationShipped() throws IOException {
        Pattern name = Pattern.compile("V(\\d+)__.*\\.sql");
        int newest;
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration/postgresql"))) {
            newest = files.map(f -> name.matcher(f.getFileName().toString())).filter(Matcher::matches)
                    .mapToInt(m -> Integer.parseInt(m.group(1))).max().orElseThrow();
        }
        assertEquals(newest, PostgresDatabase.SCHEMA_VERSION,
                "a new migration must raise PostgresDatabase.SCHEMA_VERSION, or opening would skip it");
    }

    @Test
    void aPasswordGivenApartFromTheUrlIsUsedWhenTheUrlHasNone() {
        try (PostgresTestDatabase server = PostgresTestDatabase.create()) {
            URI url = URI.create(server.url());
            String userInfo = url.getRawUserInfo();
            String user = userInfo.substring(0, userInfo.indexOf(':'));
            String password = URLDecoder.decode(userInfo.substring(userInfo.indexOf(':') + 1), StandardCharsets.UTF_8);
            String withoutPassword = url.getScheme() + "://" + user + "@" + url.getRawAuthority()
                    .substring(userInfo.length() + 1) + url.getRawPath();

            assertThrows(DatabaseUnavailableException.class,
                    () -> PostgresDatabase.open(withoutPassword, null, 1).close(), "no password anywhere");
            try (PostgresDatabase open = PostgresDatabase.open(withoutPassword, password, 1)) {
                assertTrue(open.isReachable());
            }
            // the URL's own password wins over the one given apart
            try (PostgresDatabase open = PostgresDatabase.open(server.url(), "not-" + password, 1)) {
                assertTrue(open.isReachable());
            }
            String wrong = password + "-not-it";
            DatabaseUnavailableException refused = assertThrows(DatabaseUnavailableException.class,
                    () -> PostgresDatabase.open(withoutPassword, wrong, 1).close(), "a wrong password");
            assertFalse(refused.getMessage().contains(wrong), "the refusal never shows the password: "
                    + refused.getMessage());
        }
    }

    @Test
    void aPasswordGivenApartNeverReplacesOneInTheUrl() {
        PostgresLocation inUserInfo = PostgresLocation.parse("postgresql://u:url-pw@h/d");
        assertEquals("url-pw", inUserInfo.withPasswordIfNone("env-pw").password());
        PostgresLocation inQuery = PostgresLocation.parse("jdbc:postgresql://h/d?user=u&password=url-pw");
        assertEquals(null, inQuery.withPasswordIfNone("env-pw").password(), "the driver reads the URL's own");
        assertEquals("env-pw", PostgresLocation.parse("postgresql://u@h/d").withPasswordIfNone("env-pw").password());
        assertEquals("env-pw", PostgresLocation.parse("jdbc:postgresql://h/d?user=u&passwordless=1")
                .withPasswordIfNone("env-pw").password());
        assertEquals(null, PostgresLocation.parse("postgresql://u@h/d").withPasswordIfNone("").password());
        assertEquals(null, PostgresLocation.parse("postgresql://u@h/d").withPasswordIfNone(null).password());
        assertFalse(PostgresLocation.parse("postgresql://u@h/d").withPasswordIfNone("env-pw").toString()
                .contains("env-pw"));
    }

    @Test
    void instancesStartingTogetherMigrateOnceUnderFlywaysLock() throws Exception {
        try (PostgresTestDatabase server = PostgresTestDatabase.create()) {
            startTogether(server);
        }
    }

    private static void startTogether(PostgresTestDatabase server) throws Exception {
        int instances = 4;
        ExecutorService starting = Executors.newFixedThreadPool(instances);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<PostgresDatabase>> opened = new ArrayList<>();
        try {
            for (int i = 0; i < instances; i++) {
                opened.add(starting.submit(() -> {
                    go.await();
                    return PostgresDatabase.open(server.url(), 2);
                }));
            }
            go.countDown();
            for (Future<PostgresDatabase> database : opened) {
                try (PostgresDatabase open = database.get(60, TimeUnit.SECONDS)) {
                    assertTrue(open.isReachable());
                }
            }
        } finally {
            starting.shutdownNow();
        }
        try (Connection connection = PostgresTestDatabase.connect(server.url());
                var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT count(*), count(*) FILTER (WHERE success)"
                        + " FROM flyway_schema_history WHERE version IS NOT NULL")) {
            rows.next();
            assertEquals(PostgresDatabase.SCHEMA_VERSION, rows.getInt(1), "each migration ran once");
            assertEquals(PostgresDatabase.SCHEMA_VERSION, rows.getInt(2));
        }
    }

    @Test
    void aDatabaseOfANewerVersionIsRefusedBeforeAnythingIsWritten() throws Exception {
        try (PostgresTestDatabase server = PostgresTestDatabase.create()) {
            refuseNewer(server);
        }
    }

    private static void refuseNewer(PostgresTestDatabase server) throws Exception {
        try (PostgresDatabase database = PostgresDatabase.open(server.url(), 1)) {
            database.stores().customerProfiles().insertCustomerProfile(
                    new CustomerProfileDraft(CompanyId.DEFAULT, Name.of("Gold"), false));
        }
        String before;
        try (Connection connection = PostgresTestDatabase.connect(server.url());
                var statement = connection.createStatement()) {
            statement.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, execution_time, success) VALUES (99, '99', 'from the future', 'SQL',"
                    + " 'V99__future.sql', 0, 'test', 0, true)");
            before = snapshot(statement);
        }
        DatabaseUnavailableException e = assertThrows(DatabaseUnavailableException.class,
                () -> PostgresDatabase.open(server.url(), 1));
        assertTrue(e.getMessage().contains("written by a newer version of the product (schema version 99)"),
                e.getMessage());
        try (Connection connection = PostgresTestDatabase.connect(server.url());
                var statement = connection.createStatement()) {
            assertEquals(before, snapshot(statement), "nothing was written");
        }
    }

    @Test
    void anUnreachableServerIsRefusedWithTheReasonAndWithoutThePassword() {
        DatabaseUnavailableException e = assertThrows(DatabaseUnavailableException.class,
                () -> PostgresDatabase.open("postgresql://cc:s3cret@127.0.0.1:1/nothing", 1));
        assertTrue(e.getMessage().startsWith("cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:1/nothing"
                + " as cc: "), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
    }

    /** Every row of the history and the profiles, and every table's name. */
    private static String snapshot(java.sql.Statement statement) throws Exception {
        StringBuilder text = new StringBuilder();
        for (String sql : List.of("SELECT installed_rank, version, success FROM flyway_schema_history ORDER BY 1",
                "SELECT id, name FROM customer_profile ORDER BY 1",
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")) {
            try (var rows = statement.executeQuery(sql)) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    for (int i = 1; i <= columns; i++) {
                        text.append(rows.getString(i)).append('|');
                    }
                    text.append('\n');
                }
            }
        }
        return text.toString();
    }
}
