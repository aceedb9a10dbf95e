package io.customerclassification.adapter.http.intacct;

import io.customerclassification.adapter.http.EntityTags;
import io.customerclassification.domain.customertype.ActivateUnderInactiveParentException;
import io.customerclassification.domain.customertype.CreateUnderInactiveParentException;
import io.customerclassification.domain.customertype.CustomerTypeCycleException;
import io.customerclassification.domain.customertype.CustomerTypeHasChildrenException;
import io.customerclassification.domain.customertype.CustomerTypeHierarchyPolicy;
import io.customerclassification.domain.customertype.CustomerTypeKey;
import io.customerclassification.domain.customertype.DeactivateWithActiveChildrenException;
import io.customerclassification.domain.customertype.HierarchyTooDeepException;
import io.customerclassification.domain.customertype.MoveUnderInactiveParentException;
import io.customerclassification.domain.customertype.ParentReferenceMismatchException;
import io.customerclassification.domain.customertype.SelfParentException;
import io.customerclassification.domain.customertype.UnknownParentException;
import io.customerclassification.domain.shared.RuleViolationException;
import java.util.Arrays;
import java.util.LinkedHashMap;
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

    static IntacctError invalidJson(String message) {
        return IntacctError.detail("invalidRequest", "CC-1003", "CC.INVALID_JSON", message, null);
    }

    static IntacctError invalidEncoding(String message) {
        return IntacctError.detail("invalidRequest", "CC-1005", "CC.INVALID_ENCODING", message, null);
    }

    static IntacctError invalidCsv(String message) {
        return IntacctError.detail("invalidRequest", "CC-1007", "CC.INVALID_CSV", message, null);
    }

    static IntacctError importTooLarge(String message) {
        return new IntacctError(413, "payloadTooLarge", message, "CC-1414", "CC.IMPORT_TOO_LARGE", Map.of(), null,
                List.of());
    }

    /** An import refused for the problems of its rows: one detail per problem, pointing at its row and field. */
    static IntacctError importRejected(List<IntacctError> details) {
        return new IntacctError(422, "importRejected", "The import has " + details.size()
                + " problem(s); nothing was written", "CC-1423", "CC.IMPORT_REJECTED",
                Map.of("PROBLEMS", Integer.toString(details.size())), null, details);
    }

    static IntacctError importRow(String target, String message) {
        return new IntacctError(422, "importRejected", message, "CC-1424", "CC.IMPORT_ROW_INVALID", Map.of(), target,
                List.of());
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

    /** No bearer credential, or one that is not accepted (CONTRACT §4); {@code message} says which. */
    static IntacctError unauthorized(String message) {
        return new IntacctError(401, "unauthorized", message, "CC-1401", "CC.UNAUTHORIZED", Map.of(), null, List.of());
    }

    /** A valid credential without the permission for this company and resource. */
    static IntacctError forbidden(String message) {
        return new IntacctError(403, "forbidden", message, "CC-1403", "CC.FORBIDDEN", Map.of(), null, List.of());
    }

    static IntacctError methodNotAllowed(String method, String allow) {
        return new IntacctError(405, "methodNotAllowed", method + " is not allowed here; allowed: " + allow,
                "CC-1406", "CC.METHOD_NOT_ALLOWED", Map.of("METHOD", method), null, List.of());
    }

    static IntacctError conflict(String id) {
        return pointing(409, "conflict", "A customer type with id '" + id + "' already exists", "CC-1409",
                "CC.DUPLICATE_ID", Map.of("ID", id), "/id");
    }

    /** A request with the same Idempotency-Key is still running (CONTRACT §3.2); placeholder {@code KEY}. */
    static IntacctError requestInProgress(String key) {
        return new IntacctError(409, "requestInProgress", "A request with Idempotency-Key " + key
                + " is still running; retry once it has been answered", "CC-1411", "CC.REQUEST_IN_PROGRESS",
                Map.of("IDEMPOTENCY_KEY", key), null, List.of());
    }

    /** The Idempotency-Key was used for another request (another company, operation or body) within 24 hours. */
    static IntacctError idempotencyKeyReused(String key) {
        return new IntacctError(422, "idempotencyKeyReused", "Idempotency-Key " + key
                + " was used for another request within the last 24 hours", "CC-1422", "CC.IDEMPOTENCY_KEY_REUSED",
                Map.of("IDEMPOTENCY_KEY", key), null, List.of());
    }

    /** An Idempotency-Key header that is not 1 to 255 visible ASCII characters, or sent more than once. */
    static IntacctError invalidIdempotencyKey() {
        return new IntacctError(400, "invalidRequest", "Idempotency-Key must be one header of 1 to 255 visible ASCII"
                + " characters", "CC-1006", "CC.INVALID_IDEMPOTENCY_KEY", Map.of(), null, List.of());
    }

    /** A conflict with the current state other than a duplicate id. */
    static IntacctError otherConflict(String message) {
        return new IntacctError(409, "conflict", message, "CC-1410", "CC.CONFLICT", Map.of(), null, List.of());
    }

    /**
     * A conditional write whose {@code If-Match} names no tag of the type's current version: it has changed since it
     * was read. The message names the current tag; placeholders {@code KEY} and {@code ETAG}.
     */
    static IntacctError preconditionFailed(long key, long currentVersion) {
        String etag = EntityTags.of(key, currentVersion);
        Map<String, String> placeholders = new LinkedHashMap<>();
        placeholders.put("KEY", Long.toString(key));
        placeholders.put("ETAG", etag);
        return new IntacctError(412, "preconditionFailed", "Customer type " + key + " has changed since it was read:"
                + " If-Match does not name its current ETag " + etag, "CC-1412", "CC.PRECONDITION_FAILED",
                placeholders, null, List.of());
    }

    static IntacctError tooLarge() {
        return new IntacctError(413, "payloadTooLarge", "The payload is larger than 1 MiB", "CC-1413",
                "CC.PAYLOAD_TOO_LARGE", Map.of(), null, List.of());
    }

    /**
     * A refusal that is a status and a sentence: a request the server refused before any route ran, or that Jetty
     * or Javalin refused while reading it — malformed (400), too slow (408), headers too large (431), the server
     * overloaded or stopping (503) — and any other status the dialect's own codes do not cover.
     */
    static IntacctError refused(int status, String reason) {
        return switch (status) {
            case 401 -> unauthorized(reason);
            case 403 -> forbidden(reason);
            case 404 -> notFound(reason);
            case 405 -> new IntacctError(405, "methodNotAllowed", reason, "CC-1406", "CC.METHOD_NOT_ALLOWED", Map.of(),
                    null, List.of());
            case 413 -> tooLarge();
            case 415 -> mediaType(reason);
            case 503 -> new IntacctError(503, "serviceUnavailable", reason, "CC-1503", "CC.SERVICE_UNAVAILABLE",
                    Map.of(), null, List.of());
            case 507 -> new IntacctError(507, "insufficientStorage", reason, "CC-1507", "CC.STORE_FULL", Map.of(), null,
                    List.of());
            default -> status == 500
                    ? new IntacctError(status, "internalError", reason, "CC-1500", "CC.INTERNAL_ERROR", Map.of(), null,
                            List.of())
                    : new IntacctError(status, "invalidRequest", reason, "CC-1400", "CC.REQUEST_REFUSED", Map.of(),
                            null, List.of());
        };
    }

    static IntacctError notAcceptable(String accept) {
        return new IntacctError(406, "notAcceptable", "Accept must allow application/json or text/csv, was " + accept,
                "CC-1407", "CC.NOT_ACCEPTABLE", Map.of(), null, List.of());
    }

    static IntacctError unsupportedMediaType(String contentType) {
        return mediaType("Content-Type must be application/json, was " + contentType);
    }

    private static IntacctError mediaType(String message) {
        return new IntacctError(415, "unsupportedMediaType", message, "CC-1415", "CC.UNSUPPORTED_MEDIA_TYPE", Map.of(),
                null, List.of());
    }

    /**
     * The hierarchy and status rules (CONTRACT §2), each a 422 with its own code, errorId and messageId, and the
     * field it concerns; the first whose exception matches applies, so the category's catch-all comes last.
     */
    enum Rule {
        PARENT_NOT_FOUND(UnknownParentException.class, "parentNotFound", "CC-2001", "CC.PARENT_NOT_FOUND", "/parent"),
        PARENT_REFERENCE_MISMATCH(ParentReferenceMismatchException.class, "parentReferenceMismatch", "CC-2002",
                "CC.PARENT_REFERENCE_MISMATCH", "/parent"),
        SELF_PARENT(SelfParentException.class, "selfParent", "CC-2003", "CC.SELF_PARENT", "/parent"),
        HIERARCHY_CYCLE(CustomerTypeCycleException.class, "hierarchyCycle", "CC-2004", "CC.HIERARCHY_CYCLE",
                "/parent"),
        HIERARCHY_TOO_DEEP(HierarchyTooDeepException.class, "hierarchyTooDeep", "CC-2005", "CC.HIERARCHY_TOO_DEEP",
                "/parent"),
        INACTIVE_PARENT_ON_CREATE(CreateUnderInactiveParentException.class, "inactiveParentOnCreate", "CC-2006",
                "CC.INACTIVE_OBJECT_REFERENCED", "/parent"),
        INACTIVE_PARENT_ON_MOVE(MoveUnderInactiveParentException.class, "inactiveParentOnMove", "CC-2007",
                "CC.INACTIVE_OBJECT_REFERENCED", "/parent"),
        ACTIVE_CHILDREN(DeactivateWithActiveChildrenException.class, "activeChildren", "CC-2008",
                "CC.ACTIVE_CHILDREN", "/status"),
        INACTIVE_ANCESTOR(ActivateUnderInactiveParentException.class, "inactiveAncestor", "CC-2009",
                "CC.INACTIVE_ANCESTOR", "/status"),
        HAS_CHILDREN(CustomerTypeHasChildrenException.class, "hasChildren", "CC-2010", "CC.HAS_CHILDREN", null),
        /** A rule added to the domain later, until it gets a code of its own. */
        OTHER(RuleViolationException.class, "ruleViolation", "CC-2000", "CC.RULE_VIOLATION", null);

        private final Class<? extends RuleViolationException> exception;
        private final String code;
        private final String errorId;
        private final String messageId;
        private final String target;

        Rule(Class<? extends RuleViolationException> exception, String code, String errorId, String messageId,
                String target) {
            this.exception = exception;
            this.code = code;
            this.errorId = errorId;
            this.messageId = messageId;
            this.target = target;
        }

        static Rule of(RuleViolationException violation) {
            return Arrays.stream(values()).filter(rule -> rule.exception.isInstance(violation)).findFirst()
                    .orElseThrow();
        }
    }

    static IntacctError rule(Rule rule, String message) {
        return rule(rule, message, Map.of());
    }

    /** @param placeholders the values the message speaks of, by name ({@link #placeholders}) */
    static IntacctError rule(Rule rule, String message, Map<String, String> placeholders) {
        return pointing(422, rule.code, message, rule.errorId, rule.messageId, placeholders, rule.target);
    }

    /**
     * The values a rule's message speaks of, as {@code additionalInfo.placeholders}: the keys of the type, of its
     * parent, of the inactive type, of the children concerned; the depth and its limit.
     */
    static Map<String, String> placeholders(RuleViolationException violation) {
        Map<String, String> values = new LinkedHashMap<>();
        if (violation instanceof UnknownParentException e) {
            e.parentKey().ifPresent(key -> values.put("PARENT_KEY", key.toString()));
            e.parentName().ifPresent(name -> values.put("PARENT_ID", name.value()));
            values.put("ENTITY", e.companyId().toString());
        } else if (violation instanceof ParentReferenceMismatchException e) {
            values.put("PARENT_KEY", e.givenKey().toString());
            values.put("PARENT_ID", e.givenName().value());
        } else if (violation instanceof SelfParentException e) {
            values.put("KEY", e.key().toString());
        } else if (violation instanceof CustomerTypeCycleException e) {
            values.put("KEY", e.key().toString());
            values.put("PARENT_KEY", e.proposedParentKey().toString());
        } else if (violation instanceof HierarchyTooDeepException e) {
            e.key().ifPresent(key -> values.put("KEY", key.toString()));
            values.put("PARENT_KEY", e.parentKey().toString());
            values.put("DEPTH", Integer.toString(e.resultingDepth()));
            values.put("MAX_DEPTH", Integer.toString(CustomerTypeHierarchyPolicy.MAX_DEPTH));
        } else if (violation instanceof CreateUnderInactiveParentException e) {
            values.put("PARENT_KEY", e.parentKey().toString());
            values.put("INACTIVE_KEY", e.inactiveKey().toString());
        } else if (violation instanceof MoveUnderInactiveParentException e) {
            values.put("KEY", e.key().toString());
            values.put("PARENT_KEY", e.parentKey().toString());
            values.put("INACTIVE_KEY", e.inactiveKey().toString());
        } else if (violation instanceof DeactivateWithActiveChildrenException e) {
            values.put("KEY", e.key().toString());
            values.put("CHILD_KEYS", keys(e.activeChildKeys()));
        } else if (violation instanceof ActivateUnderInactiveParentException e) {
            values.put("KEY", e.key().toString());
            values.put("INACTIVE_KEY", e.inactiveKey().toString());
        } else if (violation instanceof CustomerTypeHasChildrenException e) {
            values.put("KEY", e.key().toString());
            values.put("CHILD_KEYS", keys(e.childKeys()));
        }
        return values;
    }

    private static String keys(List<CustomerTypeKey> keys) {
        return String.join(", ", keys.stream().map(CustomerTypeKey::toString).toList());
    }

    /** The parts of a query service request; a problem in one is a 400 with the part's errorId and messageId. */
    enum QueryPart {
        BODY("CC-3000", "CC.QUERY_MUST_BE_AN_OBJECT"),
        OBJECT("CC-3001", "CC.UNKNOWN_OBJECT"),
        FIELDS("CC-3002", "CC.INVALID_FIELD"),
        FILTERS("CC-3003", "CC.INVALID_FILTER"),
        FILTER_EXPRESSION("CC-3004", "CC.INVALID_FILTER_EXPRESSION"),
        ORDER_BY("CC-3005", "CC.INVALID_ORDER_BY"),
        PAGING("CC-3006", "CC.INVALID_PAGING"),
        FILTER_PARAMETERS("CC-3007", "CC.INVALID_FILTER_PARAMETERS");

        private final String errorId;
        private final String messageId;

        QueryPart(String errorId, String messageId) {
            this.errorId = errorId;
            this.messageId = messageId;
        }
    }

    /** A query service request problem; the detail points at the part of the request concerned. */
    static IntacctError query(QueryPart part, String message, String target) {
        return pointing(400, "invalidRequest", message, part.errorId, part.messageId, Map.of(), target);
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
