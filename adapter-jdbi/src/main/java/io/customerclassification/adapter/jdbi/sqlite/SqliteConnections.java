package io.customerclassification.adapter.jdbi.sqlite;

import io.customerclassification.adapter.jdbi.page.TextFunctions;
import io.customerclassification.application.query.TextPatterns;
import io.customerclassification.domain.shared.Name;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.Function;
import org.sqlite.SQLiteConnection;

/**
 * Prepares every connection of the store: registers the query model's text functions ({@link TextFunctions}), so
 * that SQL compares text exactly as the model defines it (SQLite's own LIKE, NOCASE and lower() only know ASCII, and
 * its LIKE treats {@code _} as a wildcard), and sets the pragmas that are per connection. The functions are
 * deterministic, plain Java, and the same code the in-memory reference uses.
 */
public final class SqliteConnections {

    private SqliteConnections() {}

    public static Connection prepare(Connection connection) throws SQLException {
        SQLiteConnection sqlite = connection.unwrap(SQLiteConnection.class);
        Function.create(sqlite, TextFunctions.FOLD, new Function() {
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
        Function.create(sqlite, TextFunctions.LIKE, new Function() {
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
