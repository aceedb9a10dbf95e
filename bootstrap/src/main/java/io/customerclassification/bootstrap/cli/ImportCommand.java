package io.customerclassification.bootstrap.cli;

import io.customerclassification.adapter.http.ImportBody;
import io.customerclassification.adapter.http.InvalidBodyException;
import io.customerclassification.adapter.http.intacct.IntacctDataTransfer;
import io.customerclassification.adapter.http.simpro.SimproDataTransfer;
import io.customerclassification.application.port.in.customerprofile.ImportCustomerProfilesCommand;
import io.customerclassification.application.port.in.customertype.ImportCustomerTypesCommand;
import io.customerclassification.application.port.in.dataimport.ImportMode;
import io.customerclassification.application.port.in.dataimport.ImportProblem;
import io.customerclassification.application.port.in.dataimport.ImportRejectedException;
import io.customerclassification.application.port.in.dataimport.ImportResult;
import io.customerclassification.bootstrap.CustomerClassification;
import io.customerclassification.domain.identity.Resource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code import}: customer types or profiles from a file (or standard input) into a company, all or nothing in one
 * transaction, as {@code POST …/import} takes them; every problem printed as {@code row N field: message}.
 */
@Command(name = "import", description = "Import customer types or customer profiles into a company from a CSV or"
        + " JSON file (or standard input), all or nothing, as POST …/import does.")
final class ImportCommand extends StoreCommand implements Callable<Integer> {

    @Mixin
    Store store;

    @Mixin
    DataOptions data;

    @Option(names = "--format", defaultValue = "csv", paramLabel = "csv|json", description = "default csv")
    ImportBody.Format format;

    @Option(names = "--mode", defaultValue = "create", paramLabel = "create|upsert",
            description = "create (default) refuses a row whose name exists; upsert updates that record")
    ImportMode mode;

    @Option(names = "--dry-run", description = "check everything, write nothing, print what would be done")
    boolean dryRun;

    @Parameters(paramLabel = "FILE|-", arity = "0..1", defaultValue = "-",
            description = "the rows, as the export writes them; - (default) for standard input")
    String file;

    /** How often the import says on standard error that it is still checking and writing. */
    static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        long started = System.nanoTime();
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(read())).toString();
        } catch (CharacterCodingException e) {
            err.println("error: " + source() + " is not UTF-8 (nothing was imported)");
            return 1;
        } catch (IOException e) {
            err.println("error: cannot read " + source() + ": " + e.getMessage() + " (nothing was imported)");
            return 1;
        }
        ImportResult result;
        try (CustomerClassification app = open(store)) {
            if (data.resource == Resource.CUSTOMER_TYPE) {
                result = run(err, started, dryRun, IntacctDataTransfer.importRows(text, format),
                        rows -> app.importCustomerTypes(
                                new ImportCustomerTypesCommand(OPERATOR, data.company, rows, mode, dryRun)));
            } else {
                result = run(err, started, dryRun, SimproDataTransfer.importRows(text, format),
                        rows -> app.importCustomerProfiles(
                                new ImportCustomerProfilesCommand(OPERATOR, data.company, rows, mode, dryRun)));
            }
        } catch (InvalidBodyException e) {
            err.println("error: " + e.describe(source()) + " (nothing was imported)");
            return 1;
        } catch (ImportRejectedException e) {
            for (ImportProblem problem : e.problems()) {
                err.println("row " + problem.row() + " " + column(problem) + ": " + problem.message());
            }
            err.println(e.problems().size() + " problems; nothing was imported");
            return 1;
        }
        println((dryRun ? "dry run: would create " : "created ") + result.created() + " and "
                + (dryRun ? "update " : "updated ") + result.updated() + " " + data.resource.wireName() + " rows of"
                + " company " + data.company);
        return 0;
    }

    /**
     * Imports the rows read, saying on standard error how many were read, every {@link #PROGRESS_EVERY} that they are
     * still being checked and written (in one transaction, which reports nothing as it goes), and how long it took.
     */
    private static <R> ImportResult run(PrintWriter err, long started, boolean dryRun, List<R> rows,
            Function<List<R>, ImportResult> importer) {
        err.println("… " + rows.size() + " rows read in " + seconds(started) + "; checking them");
        err.flush();
        ImportResult result;
        try (Heartbeat beat = new Heartbeat(err, PROGRESS_EVERY, () -> "… " + rows.size() + " rows: checking"
                + (dryRun ? "" : " and writing") + ", " + seconds(started) + " so far")) {
            result = importer.apply(rows);
        }
        err.println(rows.size() + " rows read and checked" + (dryRun ? "" : " and written") + " in "
                + seconds(started));
        err.flush();
        return result;
    }

    private static String seconds(long started) {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - started) / 1e9);
    }

    private String column(ImportProblem problem) {
        return data.resource == Resource.CUSTOMER_TYPE ? IntacctDataTransfer.importColumn(problem.field())
                : SimproDataTransfer.importColumn(problem.field());
    }

    private byte[] read() throws IOException {
        if (file.equals("-")) {
            return input.readAllBytes();
        }
        return Files.readAllBytes(Path.of(file));
    }

    private String source() {
        return file.equals("-") ? "standard input" : file;
    }
}
