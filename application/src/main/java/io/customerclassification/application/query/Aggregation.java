package io.customerclassification.application.query;

import java.util.Objects;

/** {@code function(field)}, for example {@code max(modifiedAt)}. */
public record Aggregation(AggregateFunction function, QueryField field) {

    public Aggregation {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(field, "field");
        if (function.numericOnly() && field.type() != FieldType.INTEGER) {
            throw new IllegalArgumentException(function + " applies to integer fields only, not to " + field.fieldName());
        }
    }
}
