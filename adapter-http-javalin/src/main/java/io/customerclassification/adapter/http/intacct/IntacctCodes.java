package io.customerclassification.adapter.http.intacct;

import java.util.List;
import java.util.Map;

/**
 * Every error code, errorId and messageId of the Intacct dialect, in one place (and in docs/errors.md).
 * {@code REST-*} ids and {@code IA.*} message ids are Sage's; {@code CC-*} and {@code CC.*} are ours.
 */
final class IntacctCodes {

    private IntacctCodes() {}

    static IntacctError noPayload(String operation) {
        return new IntacctError(400, "invalidRequest", "A " + operation + " request requires a payload", "REST-1028",
                "IA.REQUEST_REQUIRES_A_PAYLOAD", Map.of("OPERATION", operation), null, List.of());
    }

    static IntacctError payloadErrors(List<IntacctError> details) {
        return new IntacctError(400, "invalidRequest", "Payload contains errors", "REST-1064",
                "IA.PAYLOAD_CONTAINS_ERRORS", Map.of(), null, details);
    }

    static IntacctError unknownField(String pointer) {
        return IntacctError.detail("invalidRequest", "REST-1043", "IA.NOT_A_VALID_FIELD",
                pointer + " is not a valid field", pointer);
    }

    static IntacctError invalidValue(String pointer, String message) {
        return IntacctError.detail("invalidRequest", "CC-1001", "CC.INVALID_FIELD_VALUE", message, pointer);
    }

    static IntacctError missingField(String pointer) {
        return IntacctError.detail("invalidRequest", "CC-1002", "CC.REQUIRED_FIELD_MISSING",
                pointer + " is required", pointer);
    }

    static IntacctError invalidJson(String reason) {
        return IntacctError.detail("invalidRequest", "CC-1003", "CC.INVALID_JSON", "The payload is not valid JSON: "
                + reason, null);
    }

    static IntacctError immutable(String pointer, String message) {
        return IntacctError.detail("invalidRequest", "CC-1004", "CC.FIELD_IS_IMMUTABLE", message, pointer);
    }

    static IntacctError notFound(String message) {
        return new IntacctError(404, "notFound", message, "CC-1404", "CC.RECORD_NOT_FOUND", Map.of(), null, List.of());
    }

    static IntacctError entityNotFound(String entity) {
        return new IntacctError(404, "notFound", "Entity " + entity + " does not exist", "CC-1405",
                "CC.ENTITY_NOT_FOUND", Map.of("ENTITY", entity), null, List.of());
    }

    static IntacctError methodNotAllowed(String method, String allow) {
        return new IntacctError(405, "methodNotAllowed", method + " is not allowed here; allowed: " + allow,
                "CC-1406", "CC.METHOD_NOT_ALLOWED", Map.of("METHOD", method), null, List.of());
    }

    static IntacctError conflict(String id) {
        return pointing(409, "conflict", "A customer type with id '" + id + "' already exists", "CC-1409",
                "CC.DUPLICATE_ID", Map.of("ID", id), "/id");
    }

    /** A conflict with the current state other than a duplicate id. */
    static IntacctError otherConflict(String message) {
        return new IntacctError(409, "conflict", message, "CC-1410", "CC.CONFLICT", Map.of(), null, List.of());
    }

    static IntacctError tooLarge() {
        return new IntacctError(413, "payloadTooLarge", "The payload is larger than 1 MiB", "CC-1413",
                "CC.PAYLOAD_TOO_LARGE", Map.of(), null, List.of());
    }

    static IntacctError unsupportedMediaType(String contentType) {
        return new IntacctError(415, "unsupportedMediaType", "Content-Type must be application/json, was "
                + contentType, "CC-1415", "CC.UNSUPPORTED_MEDIA_TYPE", Map.of(), null, List.of());
    }

    static IntacctError rule(String code, String errorId, String messageId, String message, String target) {
        return pointing(422, code, message, errorId, messageId, Map.of(), target);
    }

    /** A query service request problem; the detail points at the part of the request concerned. */
    static IntacctError query(String errorId, String messageId, String message, String target) {
        return pointing(400, "invalidRequest", message, errorId, messageId, Map.of(), target);
    }

    /** An error about one field of the request: a single detail carries the field's pointer as its target. */
    private static IntacctError pointing(int status, String code, String message, String errorId, String messageId,
            Map<String, String> placeholders, String target) {
        List<IntacctError> details = target == null ? List.of()
                : List.of(IntacctError.detail(code, errorId, messageId, message, target));
        return new IntacctError(status, code, message, errorId, messageId, placeholders, null, details);
    }

    static IntacctError internal(String supportId) {
        return new IntacctError(500, "internalError", "An unexpected error occurred; quote support id " + supportId,
                "CC-1500", "CC.INTERNAL_ERROR", Map.of(), null, List.of());
    }
}
