package io.customerclassification.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A plain HTTP client over loopback for end-to-end tests: real sockets, real server, bounded timeouts. */
public final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A response: status, headers and body. */
    public record Reply(int status, HttpResponse<String> raw) {

        public String body() {
            return raw.body();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new AssertionError("response body is not JSON: " + raw.body(), e);
            }
        }

        @Override
        public String toString() {
            return status + " " + raw.body();
        }
    }

    /** The longest any request may take: a slower answer is a hang, and fails the test. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String origin;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public Http(int port) {
        this.origin = "http://127.0.0.1:" + port;
    }

    public Reply get(String path) {
        return send("GET", path, null, Map.of());
    }

    public Reply get(String path, Map<String, String> headers) {
        return send("GET", path, null, headers);
    }

    public Reply post(String path, String json) {
        return send("POST", path, json, Map.of());
    }

    public Reply post(String path, String json, Map<String, String> headers) {
        return send("POST", path, json, headers);
    }

    public Reply patch(String path, String json) {
        return send("PATCH", path, json, Map.of());
    }

    public Reply delete(String path) {
        return send("DELETE", path, null, Map.of());
    }

    public Reply delete(String path, Map<String, String> headers) {
        return send("DELETE", path, null, headers);
    }

    public Reply send(String method, String path, String json, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>();
        if (json != null) {
            all.put("Content-Type", "application/json");
        }
        all.putAll(headers);
        return exchange(method, path, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8), all);
    }

    /** Sends exactly the headers given (no Content-Type is added) over HTTP/1.1, within {@link #TIMEOUT}. */
    public Reply exchange(String method, String path, HttpRequest.BodyPublisher body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + path)).timeout(TIMEOUT)
                .version(HttpClient.Version.HTTP_1_1);
        headers.forEach(request::header);
        request.method(method, body);
        try {
            HttpResponse<String> response =
                    client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
