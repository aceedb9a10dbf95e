package io.customerclassification.bootstrap;

import io.customerclassification.adapter.jdbi.SqlStore;
import io.customerclassification.adapter.jdbi.postgres.PostgresDatabase;
import io.customerclassification.adapter.jdbi.postgres.PostgresLocation;
import io.customerclassification.adapter.jdbi.sqlite.SqliteDatabase;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * The store a server or an embedding application runs on: an SQLite file (the default), or a PostgreSQL database
 * that any number of server processes may share ({@code postgresql://user:password@host:port/database} or a
 * {@code jdbc:postgresql:} URL). {@link #toString} never shows a password.
 *
 * @param file the SQLite file, or null for PostgreSQL
 * @param postgresUrl the PostgreSQL URL, or null for SQLite
 * @param password the PostgreSQL password used when the URL carries none ({@value #ENV_PASSWORD}), or null
 */
public record DatabaseLocation(Path file, String postgresUrl, String password) {

    /**
     * The environment variable of the PostgreSQL password, used when the URL carries none: a password in the URL of
     * {@code --db} is visible to every user of the machine in its process list.
     */
    public static final String ENV_PASSWORD = "CLASSIFICATION_DB_PASSWORD";

    public DatabaseLocation {
        if ((file == null) == (postgresUrl == null)) {
            throw new IllegalArgumentException("a database is either a file or a PostgreSQL URL");
        }
    }

    public static DatabaseLocation file(Path file) {
        return new DatabaseLocation(Objects.requireNonNull(file, "file"), null, null);
    }

    /** This location with the password of {@value #ENV_PASSWORD} in {@code env}, if set (PostgreSQL only). */
    public DatabaseLocation withPasswordFrom(Map<String, String> env) {
        String fromEnv = env.get(ENV_PASSWORD);
        if (!isPostgres() || fromEnv == null || fromEnv.isEmpty()) {
            return this;
        }
        return new DatabaseLocation(null, postgresUrl, fromEnv);
    }

    /**
     * A PostgreSQL URL, else a file path.
     *
     * @throws ConfigurationException naming {@code source} when it is neither
     */
    public static DatabaseLocation parse(String text, String source) {
        if (text.isBlank()) {
            throw new ConfigurationException(source + " must name a database file or a PostgreSQL URL");
        }
        if (PostgresLocation.isPostgres(text)) {
            try {
                PostgresLocation.parse(text);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(source + ": " + e.getMessage());
            }
            return new DatabaseLocation(null, text, null);
        }
        try {
            return file(Path.of(text));
        } catch (InvalidPathException e) {
            throw new ConfigurationException(source + " is not a valid path: '" + text + "'", e);
        }
    }

    public boolean isPostgres() {
        return postgresUrl != null;
    }

    /**
     * Opens the store: the SQLite file (created with its folder when missing), or the PostgreSQL database with a
     * pool of {@code poolSize} connections; migrated either way.
     */
    SqlStore open(int poolSize) {
        return isPostgres() ? PostgresDatabase.open(postgresUrl, password, poolSize) : SqliteDatabase.open(file);
    }

    /** Where the database is, never with a password. */
    @Override
    public String toString() {
        return isPostgres() ? PostgresLocation.parse(postgresUrl).toString() : file.toAbsolutePath().toString();
    }
}
