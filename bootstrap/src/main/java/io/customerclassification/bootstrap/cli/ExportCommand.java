package io.customerclassification.bootstrap.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.customerclassification.adapter.http.ExportStream;
import io.customerclassification.adapter.http.intacct.IntacctDataTransfer;
import io.customerclassification.adapter.http.simpro.SimproDataTransfer;
import io.customerclassification.application.port.in.customerprofile.ExportCustomerProfilesQuery;
import io.customerclassification.application.port.in.customertype.ExportCustomerTypesQuery;
import io.customerclassification.bootstrap.CustomerClassification;
import io.customerclassification.domain.identity.Resource;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code export}: every customer type (parents first) or profile of a company to standard output, as
 * {@code GET …/export} writes it, read in one snapshot and streamed; progress on standard error.
 */
@Command(name = "export", description = "Write a company's customer types (parents first) or customer profiles to"
        + " standard output, as CSV or JSON, as GET …/export does.")
final class ExportCommand extends StoreCommand implements Callable<Integer> {

    /** Rows between two lines of progress on standard error. */
    static final int PROGRESS_EVERY = 100_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    Store store;

    @Mixin
    DataOptions data;

    @Option(names = "--format", defaultValue = "csv", paramLabel = "csv|json", description = "default csv")
    ExportStream.Format format;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ExportStream.Sink sink = new ExportStream.Sink() {
            @Override
            public Writer open(ExportStream.Format chosen) {
                return new FilterWriter(spec.commandLine().getOut()) {
                    @Override
                    public void close() throws IOException {
                        flush(); // standard output stays open for the caller
                    }
                };
            }

            @Override
            public void failedAfterOpening(RuntimeException failure) {
                throw failure;
            }
        };
        long[] rows = {0};
        try (CustomerClassification app = open(store)) {
            if (data.resource == Resource.CUSTOMER_TYPE) {
                new ExportStream<>(sink, format, IntacctDataTransfer.EXPORT_COLUMNS, JSON).run(out ->
                        app.exportCustomerTypes(new ExportCustomerTypesQuery(OPERATOR, data.company),
                                counting(out, rows, err)));
            } else {
                new ExportStream<>(sink, format, SimproDataTransfer.EXPORT_COLUMNS, JSON).run(out ->
                        app.exportCustomerProfiles(new ExportCustomerProfilesQuery(OPERATOR, data.company),
                                counting(out, rows, err)));
            }
        }
        err.println("exported " + rows[0] + " " + data.resource.wireName() + " rows of company " + data.company);
        err.flush();
        return 0;
    }

    /** Hands each row on, and says on standard error how far the export has come. */
    private static <R> Consumer<R> counting(Consumer<R> out, long[] rows, PrintWriter err) {
        return row -> {
            out.accept(row);
            if (++rows[0] % PROGRESS_EVERY == 0) {
                err.println("… " + rows[0] + " rows");
                err.flush();
            }
        };
    }
}
