package io.customerclassification.bootstrap.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.application.port.in.Caller;
import io.customerclassification.bootstrap.CustomerClassification;
import io.customerclassification.domain.shared.Name;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The import's memory follows its rows and the chains they touch, not the company: the server jar's {@code import}
 * command, in a JVM whose heap ({@value #HEAP}) is far smaller than the company's types would take if held whole
 * ({@value #STORED} of them, a 10-ary tree, some 250 bytes each as objects, as the import's plan held them before),
 * adds {@value #ROWS} types under stored ones spread over the whole tree.
 */
class ImportMemoryIT {

    private static final String HEAP = "-Xmx40m";
    private static final int STORED = 200_000;
    private static final int ROWS = 10_000;

    @TempDir
    Path folder;

    private static String name(int key) {
        return String.format(Locale.ROOT, "Type %07d", key);
    }

    /** Company 0's types by plain JDBC, keys 1…{@link #STORED}, the parent of k being (k - 2) / 10 + 1. */
    private void seed(Path database) throws SQLException {
        try (CustomerClassification app = CustomerClassification.open(database)) {
            assertEquals(1, app.listCompanies(Caller.system(null)).size(), "a new store has company 0");
        }
        int[] heights = new int[STORED + 1];
        for (int key = STORED; key >= 1; key--) {
            heights[key] = Math.max(heights[key], 1);
            if (key > 1) {
                int parent = (key - 2) / 10 + 1;
                heights[parent] = Math.max(heights[parent], heights[key] + 1);
            }
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database)) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO customer_type (key, company_id,"
                    + " name, name_fold, status, parent_key, created_at, modified_at, height) VALUES (?, 0, ?, ?,"
                    + " 'active', ?, 0, 0, ?)")) {
                for (int key = 1; key <= STORED; key++) {
                    insert.setInt(1, key);
                    insert.setString(2, name(key));
                    insert.setString(3, Name.fold(name(key)));
                    insert.setObject(4, key == 1 ? null : (key - 2) / 10 + 1);
                    insert.setInt(5, heights[key]);
                    insert.addBatch();
                    if (key % 10_000 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            connection.commit();
        }
    }

    @Test
    void importingUnderALargeCompanyFitsAHeapTooSmallForTheCompany() throws Exception {
        Path database = folder.resolve("store.db");
        seed(database);
        Path file = folder.resolve("rows.csv");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id,status,parentId\n");
            for (int row = 1; row <= ROWS; row++) {
                out.write("New " + row + ",active," + name(STORED - row * (STORED / ROWS) + 1) + "\n");
            }
        }
        try (ServerProcess command = ServerProcess.launch(folder, Map.of(), List.of(HEAP), "import", "--db",
                database.toString(), "--company", "0", "--resource", "customer-type", file.toString())) {
            int status = command.awaitExit(ServerProcess.START_SECONDS * 3);
            assertEquals(0, status, command.output());
            assertTrue(command.output().contains("created " + ROWS + " and updated 0 customer-type rows of company 0"),
                    command.output());
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
                ResultSet count = connection.createStatement().executeQuery("SELECT count(*) FROM customer_type"
                        + " WHERE company_id = 0 AND parent_key IS NOT NULL AND name LIKE 'New %'")) {
            assertTrue(count.next());
            assertEquals(ROWS, count.getInt(1), "every row was written");
        }
    }
}
