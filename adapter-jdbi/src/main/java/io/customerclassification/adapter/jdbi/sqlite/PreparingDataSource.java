package io.customerclassification.adapter.jdbi.sqlite;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Hands out connections already prepared by {@link SqliteConnections#prepare}: the pool asks it for each
 * physical connection once, so the product's functions and pragmas are set once per connection, not per use.
 */
final class PreparingDataSource implements DataSource {

    private final DataSource sqlite;

    PreparingDataSource(DataSource sqlite) {
        this.sqlite = sqlite;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return SqliteConnections.prepare(sqlite.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return SqliteConnections.prepare(sqlite.getConnection(username, password));
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return sqlite.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        sqlite.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        sqlite.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return sqlite.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return sqlite.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return sqlite.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return sqlite.isWrapperFor(type);
    }
}
