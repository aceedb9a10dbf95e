package io.customerclassification.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rows of an import body (CONTRACT §3.3), as JSON (an array of objects) or CSV (a header row), chosen by
 * {@code Content-Type}: each row a map from column to its text, null where a JSON row has no such member or
 * {@code null}. A body that cannot be read as rows at all — bad bytes, no JSON array or objects in it, a CSV header
 * that names an unknown or repeated column or lacks a required one, a record with more fields than the header — is
 * an {@link InvalidBodyException}; what is wrong with the values is the use case's to find.
 */
public final class ImportBody {

    /** The most rows one import takes; beyond, the body is refused before any row is checked. */
    public static final int MAX_ROWS = 100_000;

    /** The formats an import takes. */
    public enum Format {
        JSON,
        CSV;

        /** By media type ({@code application/json}, {@code …+json}, {@code text/csv}); JSON without one. */
        public static Optional<Format> of(String contentType) {
            if (contentType == null || contentType.isBlank()) {
                return Optional.of(JSON);
            }
            String media = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            if (media.equals("application/json") || media.endsWith("+json")) {
                return Optional.of(JSON);
            }
            return media.equals("text/csv") ? Optional.of(CSV) : Optional.empty();
        }
    }

    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();

    private ImportBody() {}

    /**
     * @param body the body's text (decoded as strict UTF-8 by its reader), with or without a byte order mark
     * @param columns every column a row may have, as the export names them
     * @param required the column every CSV header must name
     * @param ignored the column whose values are not read (the export's key or ID)
     */
    public static List<Map<String, String>> rows(String body, Format format, ObjectMapper json, List<String> columns,
            String required, String ignored) {
        String text = body;
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        return format == Format.JSON ? jsonRows(json, text, columns, ignored)
                : csvRows(text, columns, required, ignored);
    }

    private static List<Map<String, String>> jsonRows(ObjectMapper json, String text, List<String> columns,
            String ignored) {
        JsonNode body = JsonBody.parse(json, text);
        if (!body.isArray()) {
            throw refused(InvalidBodyException.Problem.SYNTAX, "it must be an array of rows");
        }
        tooMany(body.size());
        List<Map<String, String>> rows = new ArrayList<>(body.size());
        for (int i = 0; i < body.size(); i++) {
            JsonNode row = body.get(i);
            if (!row.isObject()) {
                throw refused(InvalidBodyException.Problem.SYNTAX, "row " + (i + 1) + " is no object");
            }
            Map<String, String> values = new HashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> fields = row.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!columns.contains(field.getKey())) {
                    throw refused(InvalidBodyException.Problem.SYNTAX, "row " + (i + 1) + " has the unknown member "
                            + field.getKey() + "; a row has " + String.join(", ", columns));
                }
                JsonNode value = field.getValue();
                if (value.isContainerNode()) {
                    throw refused(InvalidBodyException.Problem.SYNTAX, "row " + (i + 1) + ": " + field.getKey()
                            + " is no string, number, boolean or null");
                }
                if (!field.getKey().equals(ignored) && !value.isNull()) {
                    values.put(field.getKey(), value.asText());
                }
            }
            rows.add(values);
        }
        return rows;
    }

    private static List<Map<String, String>> csvRows(String text, List<String> columns, String required,
            String ignored) {
        List<List<String>> records = new ArrayList<>();
        try (MappingIterator<List<String>> it = CSV.readerForListOf(String.class).readValues(text)) {
            while (it.hasNext()) {
                records.add(it.next());
                tooMany(records.size() - 1);
            }
        } catch (InvalidBodyException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw refused(InvalidBodyException.Problem.CSV, "record " + (records.size() + 1) + " cannot be read: "
                    + firstLine(e.getMessage()));
        }
        if (records.isEmpty()) {
            throw refused(InvalidBodyException.Problem.CSV, "it has no header row");
        }
        List<String> header = records.get(0);
        Set<String> seen = new HashSet<>();
        for (String column : header) {
            if (!columns.contains(column)) {
                throw refused(InvalidBodyException.Problem.CSV, "the header names the unknown column " + column
                        + "; the columns are " + String.join(",", columns));
            }
            if (!seen.add(column)) {
                throw refused(InvalidBodyException.Problem.CSV, "the header names " + column + " twice");
            }
        }
        if (!seen.contains(required)) {
            throw refused(InvalidBodyException.Problem.CSV, "the header lacks the column " + required);
        }
        List<Map<String, String>> rows = new ArrayList<>(records.size() - 1);
        for (int r = 1; r < records.size(); r++) {
            List<String> record = records.get(r);
            if (record.size() > header.size()) {
                throw refused(InvalidBodyException.Problem.CSV, "row " + r + " has " + record.size()
                        + " fields; the header has " + header.size());
            }
            Map<String, String> values = new HashMap<>();
            for (int c = 0; c < header.size(); c++) {
                if (!header.get(c).equals(ignored)) {
                    values.put(header.get(c), c < record.size() ? record.get(c) : null);
                }
            }
            rows.add(values);
        }
        return rows;
    }

    private static void tooMany(int rows) {
        if (rows > MAX_ROWS) {
            throw new InvalidBodyException(InvalidBodyException.Problem.SIZE, null,
                    "it has more than " + MAX_ROWS + " rows; split the import");
        }
    }

    private static String firstLine(String message) {
        return message == null ? "the reader refused it" : message.lines().findFirst().orElse(message);
    }

    private static InvalidBodyException refused(InvalidBodyException.Problem problem, String reason) {
        return new InvalidBodyException(problem, null, reason);
    }
}
