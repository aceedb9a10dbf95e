package io.customerclassification.application.port.in.dataimport;

/** What an import applied, or on a dry run would apply. */
public record ImportResult(long created, long updated) {}
