package io.customerclassification.adapter.jdbi.session;

/** The rules of the schema whose violations the persistence adapters turn into the domain's exceptions. */
public enum Constraint {
    UNIQUE,
    PRIMARY_KEY,
    FOREIGN_KEY
}
