package io.customerclassification.archfixture.adapter.jdbi.sqlite;

import org.postgresql.util.PSQLState;

/** Breaks "each driver in its own database package": SQLite's part reads PostgreSQL's codes. */
public class SqlitePartReadingPostgresCodes {
    PSQLState state;
}
