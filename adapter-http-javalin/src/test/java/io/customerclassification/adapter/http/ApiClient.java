package io.customerclassification.adapter.http;

import static org.junit.jupiter.api.Assertions.fail;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A small HTTP client for adapter tests that checks every response it gets against the project's OpenAPI
 * document (status, headers and body schema), so that the tests cannot drift from the published contract.
 */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A response: status, headers and body. */
    public record Reply(int status, Map<String, List<String>> headers, String body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("response body is not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst().orElse(null);
        }
    }

    private final String origin;
    private final OpenApiInteractionValidator validator;
    private final UnaryOperator<String> specPath;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param specPath maps a request path (without query) to the path template form the document uses, or
     *     returns null for paths the document does not describe (those responses are not validated)
     */
    public ApiClient(String origin, String openApiResource, UnaryOperator<String> specPath) {
        this.origin = origin;
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(resource(openApiResource)).build();
        this.specPath = specPath;
    }

    public Reply get(String path) {
        return send("GET", path, (String) null, null, Map.of());
    }

    public Reply delete(String path) {
        return send("DELETE", path, (String) null, null, Map.of());
    }

    public Reply post(String path, String json) {
        return send("POST", path, json, "application/json", Map.of());
    }

    public Reply patch(String path, String json) {
        return send("PATCH", path, json, "application/json", Map.of());
    }

    public Reply send(String method, String path, String body, String contentType, Map<String, String> headers) {
        return send(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), contentType, headers);
    }

    /** Sends {@code body} byte for byte, whether or not it is text in any charset. */
    public Reply send(String method, String path, byte[] body, String contentType, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + path)).timeout(Duration.ofSeconds(20));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Reply reply = new Reply(response.statusCode(), response.headers().map(), response.body());
        validate(method, path, reply);
        return reply;
    }

    private void validate(String method, String path, Reply reply) {
        String template = specPath.apply(path.split("\\?", 2)[0]);
        if (template == null) {
            return;
        }
        SimpleResponse.Builder response = SimpleResponse.Builder.status(reply.status());
        if (reply.body() != null && !reply.body().isEmpty()) {
            response.withBody(reply.body());
        }
        reply.headers().forEach((name, values) -> response.withHeader(name, values));
        ValidationReport report = validator.validateResponse(template,
                Request.Method.valueOf(method.toUpperCase(Locale.ROOT)), response.build());
        if (report.hasErrors()) {
            fail(method + " " + path + " -> " + reply.status() + " does not match the OpenAPI document:\n"
                    + report.getMessages() + "\nbody: " + reply.body());
        }
    }

    private static String resource(String name) {
        try (InputStream in = ApiClient.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
