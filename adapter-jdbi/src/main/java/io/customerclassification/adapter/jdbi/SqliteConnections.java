package io.customerclassification.adapter.jdbi;

import io.customerclassification.application.query.TextPatterns;
import io.customerclassification.domain.shared.Name;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.Function;
import org.sqlite.SQLiteConnection;

/**
 * Registers the product's own text functions on every connection, so that SQL compares text exactly as the
 * query model defines it (SQLite's own LIKE, NOCASE and lower() only know ASCII, and its LIKE treats
 * {@code _} as a wildcard). The functions are deterministic, plain Java, and the same code the in-memory
 * reference uses.
 */
final class SqliteConnections {

    static final String FOLD = "cc_fold";
    static final String LIKE = "cc_like";

    private SqliteConnections() {}

    static Connection prepare(Connection connection) throws SQLException {
        SQLiteConnection sqlite = connection.unwrap(SQLiteConnection.class);
        Function.create(sqlite, FOLD, new Function() {
            @Override
            protected void xFunc() throws SQLException {
                String text = value_text(0);
                if (text == null) {
                    result();
                } else {
                    result(Name.fold(text));
                }
            }
        }, 1, Function.FLAG_DETERMINISTIC);
        Function.create(sqlite, LIKE, new Function() {
            @Override
            protected void xFunc() throws SQLException {
                String pattern = value_text(0);
                String text = value_text(1);
                if (pattern == null || text == null) {
                    result();
                } else {
                    result(TextPatterns.likeMatches(pattern, text) ? 1 : 0);
                }
            }
        }, 2, Function.FLAG_DETERMINISTIC);
        try (var statement = connection.createStatement()) {
            statement.execute("PRAGMA foreign_keys = ON");
            statement.execute("PRAGMA busy_timeout = " + SqliteDatabase.BUSY_TIMEOUT_MILLIS);
            statement.execute("PRAGMA synchronous = NORMAL");
        }
        return connection;
    }
}
