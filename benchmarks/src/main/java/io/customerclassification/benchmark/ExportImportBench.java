package io.customerclassification.benchmark;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.port.in.company.RegisterCompanyCommand;
import io.customerclassification.application.port.in.customertype.CustomerTypeImportRow;
import io.customerclassification.application.port.in.customertype.ExportCustomerTypesQuery;
import io.customerclassification.application.port.in.customertype.ImportCustomerTypesCommand;
import io.customerclassification.application.port.in.dataimport.ImportMode;
import io.customerclassification.bootstrap.CustomerClassification;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Export and import of many customer types, one phase per JVM so that each reports its own peak RSS (VmHWM):
 * {@code ExportImportBench <database> seed <types>} writes a 10-ary tree of active types for company 0 by plain JDBC
 * (fast), with the subtree heights the product keeps (the export reads them to skip the leaves); {@code export} runs the product's export into CSV (Jackson,
 * to a counting sink); {@code baseline} writes the same rows from one bare JDBC SELECT with the same CSV writer;
 * {@code import <batch>} writes the product's export of company 0 to a CSV file and imports the file into a new
 * company in batches of {@code batch} rows (parents first, as the export orders them) through the embedded API.
 */
public final class ExportImportBench {

    private static final Caller SYSTEM = Caller.system(null);

    private static final CsvMapper CSV = new CsvMapper();
    private static final CsvSchema SCHEMA = CsvSchema.builder().setUseHeader(true)
            .addColumn("key").addColumn("id").addColumn("status").addColumn("parentId").build();

    private ExportImportBench() {}

    public static void main(String[] args) throws Exception {
        Path database = Path.of(args[0]);
        long started = System.nanoTime();
        long rows = switch (args[1]) {
            case "seed" -> seed(database, Integer.parseInt(args[2]));
            case "export" -> export(database);
            case "baseline" -> baseline(database);
            case "import" -> importAll(database, Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException(args[1]);
        };
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "%s: %d rows in %.1f s = %.0f rows/s; peak RSS %s%n", args[1], rows, seconds,
                rows / seconds, peakRss());
    }

    private static long seed(Path database, int types) throws SQLException {
        try (CustomerClassification app = CustomerClassification.open(database)) {
            app.listCompanies(SYSTEM);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database)) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO customer_type (key, company_id,"
                    + " name, name_fold, status, parent_key, created_at, modified_at, height) VALUES (?, 0, ?, ?,"
                    + " 'active', ?, 0, 0, ?)")) {
                int[] heights = heights(types);
                for (int key = 1; key <= types; key++) {
                    String name = String.format(Locale.ROOT, "Type %07d", key);
                    insert.setInt(1, key);
                    insert.setString(2, name);
                    insert.setString(3, Name.fold(name));
                    if (key == 1) {
                        insert.setObject(4, null);
                    } else {
                        insert.setInt(4, (key - 2) / 10 + 1);
                    }
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
        return types;
    }

    /** The subtree height of each key of the 10-ary tree (the parent of key k is (k - 2) / 10 + 1), 1 for a leaf. */
    private static int[] heights(int types) {
        int[] heights = new int[types + 1];
        for (int key = types; key >= 1; key--) {
            heights[key] = Math.max(heights[key], 1);
            if (key > 1) {
                int parent = (key - 2) / 10 + 1;
                heights[parent] = Math.max(heights[parent], heights[key] + 1);
            }
        }
        return heights;
    }

    private static long export(Path database) throws IOException {
        try (CustomerClassification app = CustomerClassification.open(database);
                SequenceWriter csv = CSV.writer(SCHEMA).writeValues(new Sink())) {
            return app.exportCustomerTypes(new ExportCustomerTypesQuery(SYSTEM, CompanyId.DEFAULT), row -> write(csv,
                    new Object[] {row.key().toString(), row.name().value(), row.status().name().toLowerCase(Locale.ROOT),
                        row.parentName() == null ? null : row.parentName().value()}));
        }
    }

    private static long baseline(Path database) throws SQLException, IOException {
        long rows = 0;
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
                PreparedStatement select = connection.prepareStatement("SELECT t.key, t.name, t.status, p.name"
                        + " FROM customer_type t LEFT JOIN customer_type p ON p.company_id = t.company_id"
                        + " AND p.key = t.parent_key WHERE t.company_id = 0 ORDER BY t.key");
                SequenceWriter csv = CSV.writer(SCHEMA).writeValues(new Sink())) {
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    write(csv, new Object[] {Long.toString(rs.getLong(1)), rs.getString(2), rs.getString(3),
                        rs.getString(4)});
                    rows++;
                }
            }
        }
        return rows;
    }

    /** Exports company 0 to a CSV file, then imports the file into company 5 in batches read as they go. */
    private static long importAll(Path database, int batch) throws IOException {
        Path file = database.resolveSibling(database.getFileName() + ".export.csv");
        try (CustomerClassification app = CustomerClassification.open(database)) {
            try (OutputStream out = Files.newOutputStream(file);
                    SequenceWriter csv = CSV.writer(SCHEMA).writeValues(out)) {
                app.exportCustomerTypes(new ExportCustomerTypesQuery(SYSTEM, CompanyId.DEFAULT), row -> write(csv,
                        new Object[] {row.key().toString(), row.name().value(), "active",
                            row.parentName() == null ? null : row.parentName().value()}));
            }
            System.out.printf(Locale.ROOT, "  exported to %s, peak RSS %s%n", file, peakRss());
            CompanyId target = CompanyId.of(5);
            app.registerCompany(new RegisterCompanyCommand(SYSTEM, target, Name.of("Imported")));
            long imported = 0;
            try (MappingIterator<Map<String, String>> rows = CSV.readerFor(Map.class).with(SCHEMA.withHeader())
                    .readValues(file.toFile())) {
                List<CustomerTypeImportRow> part = new ArrayList<>(batch);
                while (rows.hasNext()) {
                    Map<String, String> row = rows.next();
                    String parent = row.get("parentId");
                    part.add(new CustomerTypeImportRow(row.get("id"), row.get("status"),
                            parent == null || parent.isEmpty() ? null : parent));
                    if (part.size() == batch || !rows.hasNext()) {
                        long started = System.nanoTime();
                        imported += app.importCustomerTypes(new ImportCustomerTypesCommand(SYSTEM, target, part,
                                ImportMode.CREATE, false)).created();
                        System.out.printf(Locale.ROOT, "  imported %d rows (this batch %.1f s), peak RSS %s%n", imported,
                                (System.nanoTime() - started) / 1e9, peakRss());
                        part = new ArrayList<>(batch);
                    }
                }
            }
            return imported;
        }
    }

    private static void write(SequenceWriter csv, Object[] row) {
        try {
            csv.write(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String peakRss() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
                    .map(l -> l.substring(6).strip()).findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    /** Counts what is written and keeps none of it. */
    private static final class Sink extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
