package io.customerclassification.bootstrap.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** The two dialects' error envelopes (CONTRACT §1 and §2), checked field by field. */
final class ErrorFormats {

    /** Who answers for a path: the dialect's prefixes as CONTRACT §1 and §2 give them. */
    enum Dialect {
        SIMPRO,
        INTACCT;

        static Dialect owning(String path) {
            if (path.startsWith("/api/v1.0/") || path.equals("/api/v1.0")) {
                return SIMPRO;
            }
            if (path.startsWith("/objects/") || path.startsWith("/ia/api/v1/") || path.startsWith("/services/")) {
                return INTACCT;
            }
            throw new IllegalArgumentException("no dialect owns " + path);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private ErrorFormats() {}

    /** Fails unless {@code body} is the error envelope of the dialect that owns {@code path}. */
    static void assertErrorEnvelope(String path, String body) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("the error body is not JSON: " + body, e);
        }
        assertTrue(json != null && json.isObject(), () -> "the error body is not a JSON object: " + body);
        if (Dialect.owning(path) == Dialect.SIMPRO) {
            assertSimpro(json, body);
        } else {
            assertIntacct(json, body);
        }
    }

    private static void assertSimpro(JsonNode json, String body) {
        JsonNode errors = json.get("errors");
        assertTrue(errors != null && errors.isArray() && !errors.isEmpty(), () -> "no errors array: " + body);
        assertEquals(1, json.size(), () -> "Simpro errors have one property, errors: " + body);
        for (JsonNode error : errors) {
            assertTrue(error.isObject() && error.has("path") && error.has("value"), () -> "bad error entry: " + body);
            assertTrue(error.get("path").isNull() || error.get("path").asText().startsWith("/"),
                    () -> "path is not null or a JSON pointer: " + body);
            assertTrue(error.path("message").isTextual() && !error.get("message").asText().isBlank(),
                    () -> "no message: " + body);
        }
    }

    private static void assertIntacct(JsonNode json, String body) {
        JsonNode error = json.at("/ia::result/ia::error");
        assertTrue(error.isObject(), () -> "no ia::result.ia::error: " + body);
        for (String field : new String[] {"code", "message", "errorId", "supportId"}) {
            assertTrue(error.path(field).isTextual() && !error.get(field).asText().isBlank(),
                    () -> "ia::error has no " + field + ": " + body);
        }
        assertTrue(error.at("/additionalInfo/messageId").isTextual(), () -> "no additionalInfo.messageId: " + body);
        if (error.has("details")) {
            for (JsonNode detail : error.get("details")) {
                assertTrue(detail.path("errorId").isTextual() && detail.path("message").isTextual(),
                        () -> "bad details entry: " + body);
            }
        }
        JsonNode meta = json.get("ia::meta");
        assertTrue(meta != null && meta.path("totalError").asInt() == 1 && meta.path("totalSuccess").asInt(-1) == 0,
                () -> "ia::meta is not {totalCount:1, totalSuccess:0, totalError:1}: " + body);
    }
}
