package io.customerclassification.adapter.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.javalin.http.Context;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The body of an export (CONTRACT §3.3), written to its {@link Sink} (the response, or the server jar's standard
 * output) row by row as the use case hands the rows over: a JSON array of objects, or CSV with a header row, as
 * {@code Accept} (or {@code --format}) chose. Nothing is written before the first row (or the end of an empty
 * export), so a refusal before it — an unknown company, too many exports at once — still gets the dialect's error
 * answer; memory holds one row and the sink's buffer, however many rows there are. A failure after the first row (the
 * client gone, the database lost) goes to the sink: the response is aborted, so that the client sees a broken
 * transfer rather than a body that looks complete.
 *
 * @param <R> the row handed over by the use case
 */
public final class ExportStream<R> implements Consumer<R> {

    /** What an export can be written as. */
    public enum Format {
        JSON("application/json"),
        CSV("text/csv; charset=utf-8");

        private final String contentType;

        Format(String contentType) {
            this.contentType = contentType;
        }

        /**
         * The format {@code Accept} asks for: the first media range that names one, JSON for none, {@code *}/{@code *}
         * or {@code application/*}; empty when it names neither (the dialect answers 406).
         */
        public static Optional<Format> accepted(String accept) {
            if (accept == null || accept.isBlank()) {
                return Optional.of(JSON);
            }
            for (String range : accept.split(",")) {
                String media = range.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
                switch (media) {
                    case "application/json", "application/*", "*/*" -> {
                        return Optional.of(JSON);
                    }
                    case "text/csv", "text/*" -> {
                        return Optional.of(CSV);
                    }
                    default -> { }
                }
            }
            return Optional.empty();
        }
    }

    /** One field of a row: its name (JSON member, CSV header) and its value (a string, number, boolean or null). */
    public record Column<R>(String name, Function<R, Object> value) {}

    /** Where an export is written: opened at the first row (or the end of an empty export). */
    public interface Sink {

        /** The body's destination, once it is certain there is a body. */
        Writer open(Format format) throws IOException;

        /**
         * A failure after the body was opened, which may have written part of it: the sink makes sure no reader
         * takes the part for the whole.
         */
        void failedAfterOpening(RuntimeException failure);
    }

    private static final CsvMapper CSV_MAPPER = new CsvMapper();
    private static final Logger LOG = LoggerFactory.getLogger(ExportStream.class);

    private final Sink sink;
    private final Format format;
    private final List<Column<R>> columns;
    private final ObjectMapper json;
    private JsonGenerator jsonOut;
    private SequenceWriter csvOut;

    /** Into the response of {@code ctx}; @param json the dialect's mapper, for the JSON format */
    public ExportStream(Context ctx, Format format, List<Column<R>> columns, ObjectMapper json) {
        this(response(ctx), format, columns, json);
    }

    public ExportStream(Sink sink, Format format, List<Column<R>> columns, ObjectMapper json) {
        this.sink = sink;
        this.format = format;
        this.columns = List.copyOf(columns);
        this.json = json;
    }

    /**
     * Runs {@code export} with this stream as its consumer of rows, then ends the body.
     *
     * @throws RuntimeException what {@code export} threw before the first row, for the dialect's error answer
     */
    public void run(Consumer<ExportStream<R>> export) {
        try {
            export.accept(this);
        } catch (RuntimeException failure) {
            if (jsonOut == null && csvOut == null) {
                throw failure;
            }
            sink.failedAfterOpening(failure);
            return;
        }
        finish();
    }

    @Override
    public void accept(R row) {
        try {
            open();
            if (format == Format.JSON) {
                jsonOut.writeStartObject();
                for (Column<R> column : columns) {
                    jsonOut.writeFieldName(column.name());
                    jsonOut.writeObject(column.value().apply(row));
                }
                jsonOut.writeEndObject();
            } else {
                Object[] values = new Object[columns.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = columns.get(i).value().apply(row);
                }
                csvOut.write(values);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the export", e);
        }
    }

    /** Ends the body: the header row or an empty array for an export without rows, the array's end for JSON. */
    private void finish() {
        try {
            open();
            if (format == Format.JSON) {
                jsonOut.writeEndArray();
                jsonOut.close();
            } else {
                csvOut.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the export", e);
        }
    }

    private void open() throws IOException {
        if (jsonOut != null || csvOut != null) {
            return;
        }
        Writer out = sink.open(format);
        if (format == Format.JSON) {
            jsonOut = json.createGenerator(out);
            jsonOut.writeStartArray();
        } else {
            CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
            columns.forEach(column -> schema.addColumn(column.name()));
            csvOut = CSV_MAPPER.writer(schema.build()).writeValues(out);
        }
    }

    /**
     * The response: 200 with the format's media type, its body in UTF-8. A failure after the first row aborts the
     * response, so that the client sees a broken transfer rather than a body that looks complete.
     */
    private static Sink response(Context ctx) {
        return new Sink() {
            @Override
            public Writer open(Format format) {
                ctx.status(200).contentType(format.contentType);
                return new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8);
            }

            @Override
            public void failedAfterOpening(RuntimeException failure) {
                LOG.warn("Export {} failed after its first row; the response is aborted", LogText.of(ctx.path()),
                        failure);
                ServletContextRequest.getServletContextRequest(ctx.req()).getServletChannel().abort(failure);
            }
        };
    }
}
