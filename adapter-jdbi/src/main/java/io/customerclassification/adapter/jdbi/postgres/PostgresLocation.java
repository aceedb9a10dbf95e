package io.customerclassification.adapter.jdbi.postgres;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Where a PostgreSQL database is: {@code postgresql://user:password@host:port/database} (libpq's form, also
 * {@code postgres://}) or a pgJDBC URL {@code jdbc:postgresql://host:port/database?user=…&password=…}. The
 * password never appears in {@link #toString}, which logs and error messages use.
 *
 * @param user null when the URL names none (then pgJDBC's defaults apply)
 */
public record PostgresLocation(String jdbcUrl, String user, String password) {

    /** Whether {@code location} names a PostgreSQL database rather than an SQLite file. */
    public static boolean isPostgres(String location) {
        return location.startsWith("postgresql://") || location.startsWith("postgres://")
                || location.startsWith("jdbc:postgresql:");
    }

    /** @throws IllegalArgumentException saying what is wrong with the URL, without its password */
    public static PostgresLocation parse(String location) {
        if (location.startsWith("jdbc:postgresql:")) {
            return new PostgresLocation(location, null, null);
        }
        if (!isPostgres(location)) {
            throw new IllegalArgumentException("not a PostgreSQL URL (postgresql://user:password@host:port/database)");
        }
        URI uri;
        try {
            uri = new URI(location);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid PostgreSQL URL: " + e.getReason()
                    + " (postgresql://user:password@host:port/database)");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("a PostgreSQL URL needs a host (postgresql://user:password@host:port/database)");
        }
        String path = uri.getRawPath();
        if (path == null || path.length() <= 1) {
            throw new IllegalArgumentException("a PostgreSQL URL needs a database name (postgresql://user:password@host:port/database)");
        }
        String user = null;
        String password = null;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        }
        String host = uri.getHost().contains(":") && !uri.getHost().startsWith("[") ? "[" + uri.getHost() + "]"
                : uri.getHost();
        String jdbc = "jdbc:postgresql://" + host + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + path
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return new PostgresLocation(jdbc, user, password);
    }

    /**
     * This location with {@code password} when the URL carries none (neither in {@code user:password@} nor as a
     * {@code password} parameter); itself when it does, or when {@code password} is null or empty.
     */
    public PostgresLocation withPasswordIfNone(String password) {
        if (password == null || password.isEmpty() || this.password != null || hasPasswordParameter()) {
            return this;
        }
        return new PostgresLocation(jdbcUrl, user, password);
    }

    private boolean hasPasswordParameter() {
        int query = jdbcUrl.indexOf('?');
        if (query < 0) {
            return false;
        }
        for (String parameter : jdbcUrl.substring(query + 1).split("&")) {
            if (parameter.startsWith("password=")) {
                return true;
            }
        }
        return false;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The URL without credentials, for logs and messages. */
    @Override
    public String toString() {
        int query = jdbcUrl.indexOf('?');
        return (query < 0 ? jdbcUrl : jdbcUrl.substring(0, query)) + (user == null ? "" : " as " + user);
    }
}
