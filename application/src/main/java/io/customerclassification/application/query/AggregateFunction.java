package io.customerclassification.application.query;

/**
 * Aggregates over the matching records. {@code COUNT} counts records with a value for the field; {@code MIN}
 * and {@code MAX} follow the sort order of the field (null when nothing has a value); {@code SUM} (a Long)
 * and {@code AVG} (a Double) apply to integer fields only and are null when nothing has a value.
 */
public enum AggregateFunction {
    COUNT,
    MIN,
    MAX,
    SUM,
    AVG;

    public boolean numericOnly() {
        return this == SUM || this == AVG;
    }
}
