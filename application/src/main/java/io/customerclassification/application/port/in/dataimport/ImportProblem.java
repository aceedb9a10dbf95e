package io.customerclassification.application.port.in.dataimport;

import java.util.Objects;

/**
 * One problem of an import: the row (1-based, a CSV header excluded), the field and what is wrong, in a sentence.
 */
public record ImportProblem(int row, ImportField field, String message) {

    public ImportProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
