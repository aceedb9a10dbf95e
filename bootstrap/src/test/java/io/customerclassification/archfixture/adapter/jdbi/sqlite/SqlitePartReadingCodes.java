package io.customerclassification.archfixture.adapter.jdbi.sqlite;

import java.sql.Connection;
import org.sqlite.SQLiteErrorCode;

/** Complies with both rules of the SQL adapter: a database's own part reads its codes and uses connections. */
public class SqlitePartReadingCodes {
    SQLiteErrorCode code;
    Connection connection;
}
