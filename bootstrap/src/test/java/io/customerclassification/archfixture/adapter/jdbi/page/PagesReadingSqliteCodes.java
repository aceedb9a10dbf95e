package io.customerclassification.archfixture.adapter.jdbi.page;

import org.sqlite.SQLiteErrorCode;

/** Breaks "database libraries in their database package": SQLite's codes read outside the SQLite package. */
public class PagesReadingSqliteCodes {
    SQLiteErrorCode code;
}
