package io.customerclassification.adapter.http;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every request's id (CONTRACT §7): a well-formed incoming {@code X-Request-Id} is kept (a load balancer's, or a
 * client's that retries), else one is made. The server sets it on the request before any route runs, echoes it in the
 * answer and the request log line; the dialects quote it as Intacct's {@code supportId} and in Simpro's 5xx messages,
 * and log it beside every failure, so that a client's report finds the server's log line.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    /** The request attribute that holds the id, once the server has kept or made it. */
    public static final String ATTRIBUTE = "io.customerclassification.requestId";

    /**
     * What an incoming id may be: 1–128 characters that need no quoting in a header, a log line or JSON (UUIDs,
     * nginx's {@code $request_id}, AWS's {@code Root=1-…} trace ids).
     */
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:;=+/@-]{1,128}");

    private RequestIds() {}

    /** {@code incoming} when it is well-formed, else a new id. */
    public static String keptOrMade(String incoming) {
        return incoming != null && WELL_FORMED.matcher(incoming).matches() ? incoming : make();
    }

    /** A new id: 32 hexadecimal digits. */
    public static String make() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** The id of the request {@code ctx} serves (kept or made once, then the same for the whole request). */
    public static String of(Context ctx) {
        Object id = ctx.attribute(ATTRIBUTE);
        if (id instanceof String kept) {
            return kept;
        }
        String made = keptOrMade(ctx.header(HEADER));
        ctx.attribute(ATTRIBUTE, made);
        return made;
    }
}
