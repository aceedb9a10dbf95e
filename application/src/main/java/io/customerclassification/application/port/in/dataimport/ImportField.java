package io.customerclassification.application.port.in.dataimport;

/** The field of an import row a problem concerns; each dialect names it in its own words. */
public enum ImportField {
    NAME,
    ARCHIVED,
    STATUS,
    PARENT
}
