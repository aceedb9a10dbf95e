package io.customerclassification.application.port.in.dataimport;

/** What an import does with a row whose name a record of the company already has (CONTRACT §3.3). */
public enum ImportMode {
    /** The row is a problem: the name exists. */
    CREATE,
    /** The record is updated with the row's other fields and keeps its stored spelling of the name. */
    UPSERT
}
