package io.customerclassification.application.query;

/**
 * A field of an aggregate that queries may filter, sort, project and aggregate on. Each aggregate has a
 * closed catalogue of them (an enum); adapters map catalogue entries, never request text, to their storage.
 */
public interface QueryField {

    /** The neutral name of the field (not a dialect's spelling of it). */
    String fieldName();

    FieldType type();

    /** Whether records may have no value for this field. */
    boolean nullable();
}
