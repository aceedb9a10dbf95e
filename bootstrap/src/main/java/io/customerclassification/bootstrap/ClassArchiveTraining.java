package io.customerclassification.bootstrap;

import io.customerclassification.adapter.jdbi.sqlite.SqliteNativeLibrary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The training run behind the server's class-data-sharing archive: the build runs it once, under
 * {@code -XX:ArchiveClassesAtExit}, right after packaging the jar. It starts the server on a scratch database
 * in a temporary folder, takes a token with a bootstrap client, sends it one request of each kind the server answers
 * (both dialects, the token service and the admin API, successes and refusals), stops it and deletes the folder; the JVM then writes the classes it loaded into the archive, which
 * the run command passes to {@code java} so that the next start need not load and verify them again (a good part
 * of the start-up, docs/performance.md). Not part of the product's behaviour: without the archive the server
 * starts the same, only slower.
 */
public final class ClassArchiveTraining {

    private static final String PROFILES = "/api/v1.0/companies/0/setup/customerProfiles/";
    private static final String TYPES = "/objects/accounts-receivable/customer-type";
    private static final String QUERY = "/services/core/query";

    private static final Pattern TOKEN = Pattern.compile("(?s).*\"access_token\":\"([^\"]+)\".*");

    private ClassArchiveTraining() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        Path folder = Files.createTempDirectory("customer-classification-training");
        try {
            SqliteNativeLibrary.useCache(folder.resolve("cache"));
            String secret = UUID.randomUUID().toString();
            ServerConfig config = ServerConfig.from(new String[] {"--port", "0", "--db",
                    folder.resolve("training.db").toString(), "--bootstrap-client", "training:" + secret}, Map.of());
            try (CustomerClassificationServer server = CustomerClassificationServer.start(config)) {
                exercise("http://127.0.0.1:" + server.port(), secret);
            }
        } finally {
            delete(folder);
        }
    }

    private static void exercise(String base, String secret) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        String token = TOKEN.matcher(client.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=training&client_secret="
                        + secret)).build(), HttpResponse.BodyHandlers.ofString()).body()).replaceFirst("$1");
        client.send(get(base + PROFILES + "1"), HttpResponse.BodyHandlers.discarding()); // no token: 401
        List<HttpRequest> requests = List.of(
                get(base + "/health"),
                get(base + "/.well-known/jwks.json"),
                get(base + "/admin/v1/clients"),
                get(base + "/openapi"),
                send(base + PROFILES, "POST", "{\"Name\": \"Gold\"}"),
                send(base + PROFILES, "POST", "{\"Name\": \"Silver\", \"Archived\": true}"),
                send(base + PROFILES, "POST", "{\"Name\": \"gold\"}"),
                send(base + PROFILES, "POST", "{\"Name\": "),
                get(base + PROFILES + "1"),
                get(base + PROFILES + "99"),
                get(base + PROFILES + "?page=1&pageSize=10"),
                get(base + PROFILES + "?columns=ID,Name,Archived&Archived=false&orderby=-Name&page=1"),
                get(base + PROFILES + "?Name=%25ol%25&search=any"),
                get(base + PROFILES + "?orderby=Nope"),
                send(base + PROFILES + "1", "PATCH", "{\"Name\": \"Platinum\"}"),
                send(base + PROFILES + "2", "DELETE", null),
                get(base + "/api/v1.0/companies/"),
                send(base + TYPES, "POST", "{\"id\": \"Reseller\"}"),
                send(base + TYPES, "POST", "{\"id\": \"Value-added reseller\", \"parent\": {\"key\": \"1\"}}"),
                send(base + TYPES, "POST", "{\"id\": \"End user\", \"status\": \"inactive\"}"),
                send(base + TYPES, "POST", "{\"id\": 5}"),
                get(base + TYPES + "/2"),
                get(base + TYPES + "/99"),
                get(base + TYPES + "?start=1&size=10"),
                send(base + TYPES + "/2", "PATCH", "{\"parent\": {\"key\": \"3\"}}"),
                send(base + TYPES + "/3", "PATCH", "{\"status\": \"active\"}"),
                send(base + TYPES + "/2", "PATCH", "{\"parent\": {\"key\": \"3\"}}"),
                send(base + QUERY, "POST", "{\"object\": \"accounts-receivable/customer-type\","
                        + " \"fields\": [\"key\", \"id\", \"parent.id\", \"status\"],"
                        + " \"filters\": [{\"$eq\": {\"parent.key\": \"1\"}}, {\"$contains\": {\"id\": \"e\"}},"
                        + " {\"$eq\": {\"status\": \"active\"}}], \"filterExpression\": \"(1 or 2) and 3\","
                        + " \"orderBy\": [{\"id\": \"desc\"}], \"start\": 1, \"size\": 100}"),
                send(base + QUERY, "POST", "{\"object\": \"accounts-receivable/customer-type\","
                        + " \"filters\": [{\"$nope\": {}}]}"),
                send(base + TYPES + "/2", "DELETE", null));
        for (HttpRequest request : requests) {
            client.send(HttpRequest.newBuilder(request, (name, value) -> true)
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding());
        }
    }

    private static HttpRequest get(String uri) {
        return HttpRequest.newBuilder(URI.create(uri)).GET().build();
    }

    private static HttpRequest send(String uri, String method, String json) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(uri));
        if (json == null) {
            return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        return builder.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json))
                .build();
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
