package io.customerclassification.archfixture.adapter.jdbi.page;

import org.postgresql.util.PSQLState;

/** Breaks both driver rules: PostgreSQL's codes read outside the PostgreSQL package. */
public class PagesReadingPostgresCodes {
    PSQLState state;
}
