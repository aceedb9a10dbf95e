package io.customerclassification.adapter.http.intacct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.adapter.http.intacct.IntacctCodes.QueryPart;
import io.customerclassification.adapter.http.intacct.IntacctCodes.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/errors.md lists every error of the Intacct dialect, with the status, code and ids it is answered with. */
class IntacctErrorTableTest {

    private static final Path TABLE = Path.of("..", "docs", "errors.md");
    private static final Pattern CELL_SEPARATOR = Pattern.compile("(?<!\\\\)\\|");

    /** One of each error {@link IntacctCodes} builds. */
    private static List<IntacctError> everyError() {
        return Stream.of(
                Stream.of(IntacctCodes.noPayload("POST"), IntacctCodes.payloadErrors(List.of()),
                        IntacctCodes.unknownField("/foo"), IntacctCodes.invalidValue("/id", "-"),
                        IntacctCodes.missingField("/id"), IntacctCodes.invalidJson("-"), IntacctCodes.invalidEncoding("-"),
                        IntacctCodes.immutable("/id", "-"), IntacctCodes.notFound("-"),
                        IntacctCodes.entityNotFound("7"), IntacctCodes.methodNotAllowed("PUT", "GET"),
                        IntacctCodes.conflict("Gold"), IntacctCodes.otherConflict("-"),
                        IntacctCodes.preconditionFailed(5, 2), IntacctCodes.requestInProgress("k"),
                        IntacctCodes.idempotencyKeyReused("k"), IntacctCodes.invalidIdempotencyKey(),
                        IntacctCodes.tooLarge(), IntacctCodes.notAcceptable("text/html"),
                        IntacctCodes.invalidCsv("-"), IntacctCodes.importTooLarge("-"),
                        IntacctCodes.importRejected(List.of(IntacctCodes.importRow("/rows/1/id", "-"))),
                        IntacctCodes.importRow("/rows/1/id", "-"),
                        IntacctCodes.unsupportedMediaType("text/plain"), IntacctCodes.internal("-"),
                        IntacctCodes.refused(400, "-"), IntacctCodes.refused(503, "-"),
                        IntacctCodes.refused(507, "-"), IntacctCodes.unauthorized("-"), IntacctCodes.forbidden("-")),
                Arrays.stream(Rule.values()).map(rule -> IntacctCodes.rule(rule, "-")),
                Arrays.stream(QueryPart.values()).map(part -> IntacctCodes.query(part, "-", null)))
                .flatMap(errors -> errors)
                .toList();
    }

    /** The rows of the Intacct table: HTTP, code, errorId, messageId. */
    private static Set<String> documentedRows() throws IOException {
        assertTrue(Files.exists(TABLE), "missing " + TABLE.toAbsolutePath());
        String intacct = Files.readString(TABLE).split("\n## Simpro", 2)[0];
        return intacct.lines()
                .filter(line -> line.matches("\\| [0-9]{3} \\|.*"))
                .map(line -> Arrays.stream(CELL_SEPARATOR.split(line)).skip(1).limit(4).map(String::strip)
                        .collect(Collectors.joining(" | ")))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String row(IntacctError error) {
        return error.status() + " | " + error.code() + " | " + error.errorId() + " | " + error.messageId();
    }

    @Test
    void theDocumentedTableListsExactlyTheErrorsTheDialectAnswers() throws IOException {
        Set<String> answered = everyError().stream().map(IntacctErrorTableTest::row)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> documented = documentedRows();
        Set<String> undocumented = new TreeSet<>(answered);
        undocumented.removeAll(documented);
        Set<String> stale = new TreeSet<>(documented);
        stale.removeAll(answered);
        assertEquals(Set.of(), undocumented, "errors missing from docs/errors.md");
        assertEquals(Set.of(), stale, "rows of docs/errors.md the dialect never answers");
    }

    @Test
    void everyErrorIdIsUsedForOneSituationOnly() {
        List<String> ids = everyError().stream().map(IntacctError::errorId).toList();
        assertEquals(ids.size(), Set.copyOf(ids).size(), "an errorId stands for two errors: " + ids);
    }
}
