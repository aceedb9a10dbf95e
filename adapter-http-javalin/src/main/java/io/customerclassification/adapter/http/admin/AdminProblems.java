package io.customerclassification.adapter.http.admin;

/** Every problem type of the admin API, in one place (and in docs/errors.md). */
final class AdminProblems {

    private static final String PREFIX = "urn:customer-classification:problem:";

    static final String INVALID_BODY = PREFIX + "invalid-body";
    static final String UNAUTHORIZED = PREFIX + "unauthorized";
    static final String FORBIDDEN = PREFIX + "forbidden";
    static final String NOT_FOUND = PREFIX + "not-found";
    static final String METHOD_NOT_ALLOWED = PREFIX + "method-not-allowed";
    static final String CONFLICT = PREFIX + "conflict";
    static final String PAYLOAD_TOO_LARGE = PREFIX + "payload-too-large";
    static final String UNSUPPORTED_MEDIA_TYPE = PREFIX + "unsupported-media-type";
    static final String RULE_VIOLATION = PREFIX + "rule-violation";
    static final String REQUEST_REFUSED = PREFIX + "request-refused";
    static final String SERVICE_UNAVAILABLE = PREFIX + "service-unavailable";
    static final String STORE_FULL = PREFIX + "store-full";
    static final String INTERNAL_ERROR = PREFIX + "internal-error";

    private AdminProblems() {}

    /** The type of a refusal that is a status and nothing more. */
    static String forStatus(int status) {
        return switch (status) {
            case 400 -> INVALID_BODY;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 422 -> RULE_VIOLATION;
            case 503 -> SERVICE_UNAVAILABLE;
            case 507 -> STORE_FULL;
            default -> status >= 500 ? INTERNAL_ERROR : REQUEST_REFUSED;
        };
    }
}
