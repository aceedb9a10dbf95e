package io.customerclassification.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.customerclassification.bootstrap.CustomerClassificationServer;
import io.customerclassification.bootstrap.ServerConfig;
import io.customerclassification.bootstrap.e2e.Http.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The real server with credentials required, on a database file in a folder of its own, and what a test needs to
 * act as its clients: the bootstrap admin's token, new clients with chosen grants, tokens of them, the signing key
 * as the store holds it.
 */
public final class IdentityServer implements AutoCloseable {

    public static final String ADMIN = "admin";
    public static final String ADMIN_SECRET = "the-admin-secret-of-the-tests";

    private final Path folder;
    private final String database;
    private final CustomerClassificationServer server;
    private final Http http;
    private final Map<String, String> asAdmin;

    private IdentityServer(Path folder, String database, CustomerClassificationServer server) {
        this.folder = folder;
        this.database = database;
        this.server = server;
        this.http = new Http(server.port());
        this.asAdmin = bearer(token(http, ADMIN, ADMIN_SECRET));
    }

    /** Starts on port 0 over a new database, with the bootstrap client {@link #ADMIN} and {@code moreArgs}. */
    public static IdentityServer start(String... moreArgs) {
        try {
            Path folder = Files.createTempDirectory("identity-server");
            return start(folder, folder.resolve("store.db").toString(), moreArgs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * As {@link #start(String...)} over {@code database} (an SQLite file or a PostgreSQL URL); {@code folder} is
     * deleted on {@link #close()}.
     */
    public static IdentityServer start(Path folder, String database, String... moreArgs) {
        List<String> args = new ArrayList<>(List.of("--port", "0", "--db", database,
                "--bootstrap-client", ADMIN + ":" + ADMIN_SECRET));
        args.addAll(List.of(moreArgs));
        ServerConfig config = ServerConfig.from(args.toArray(String[]::new), Map.of());
        return new IdentityServer(folder, database, CustomerClassificationServer.start(config));
    }

    public Http http() {
        return http;
    }

    public CustomerClassificationServer server() {
        return server;
    }

    public String database() {
        return database;
    }

    /** The {@code Authorization} header of the bootstrap admin's token. */
    public Map<String, String> asAdmin() {
        return asAdmin;
    }

    /**
     * Creates a client through the admin API.
     *
     * @param grants the grants as JSON, e.g. {@code [{"company":"0","resource":"customer-type","permissions":["list"]}]}
     * @return its secret
     */
    public String createClient(String clientId, String grants) {
        return createClient(http, asAdmin, clientId, grants);
    }

    /** As {@link #createClient(String, String)} on the server {@code http} reaches, as {@code asAdmin}. */
    public static String createClient(Http http, Map<String, String> asAdmin, String clientId, String grants) {
        Reply created = http.post("/admin/v1/clients", "{\"clientId\":\"" + clientId + "\",\"grants\":" + grants + "}",
                asAdmin);
        assertEquals(201, created.status(), created::toString);
        return created.json().get("clientSecret").asText();
    }

    /** The {@code Authorization} header of a token of a new client with {@code grants}. */
    public Map<String, String> newClient(String clientId, String grants) {
        return bearer(token(http, clientId, createClient(clientId, grants)));
    }

    /** The key that signs now, as the store holds it (a private JWK). */
    public String signingKey() {
        return signingKey(Path.of(database));
    }

    /** The key that signs now, as the store {@code database} holds it. */
    public static String signingKey(Path database) {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
                var statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT material FROM signing_key WHERE retired_at IS NULL")) {
            rows.next();
            return rows.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every row of every table of the store, read beside the server: two equal snapshots mean nothing was written in
     * between (data, clients, grants, keys, tokens, counters).
     */
    public String storeContents() {
        StringBuilder contents = new StringBuilder();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
                var statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'"
                    + " AND name NOT LIKE 'sqlite%' ORDER BY name")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                List<String> lines = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        StringBuilder line = new StringBuilder();
                        for (int column = 1; column <= columns; column++) {
                            line.append(rows.getString(column)).append('|');
                        }
                        lines.add(line.toString());
                    }
                }
                Collections.sort(lines);
                contents.append(table).append(": ").append(lines).append('\n');
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return contents.toString();
    }

    /** A {@code client_credentials} token, the client authenticating with HTTP Basic. */
    public static String token(Http http, String clientId, String secret) {
        Reply reply = http.exchange("POST", "/oauth2/token", BodyPublishers.ofString("grant_type=client_credentials"),
                form(clientId, secret));
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().get("access_token").asText();
    }

    public static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    public static String basic(String clientId, String secret) {
        return Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    /** HTTP Basic client authentication and a form body's {@code Content-Type}. */
    public static Map<String, String> form(String clientId, String secret) {
        return Map.of("Authorization", "Basic " + basic(clientId, secret),
                "Content-Type", "application/x-www-form-urlencoded");
    }

    /** Stops the server and deletes its folder. */
    @Override
    public void close() {
        server.stop();
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Collections.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
