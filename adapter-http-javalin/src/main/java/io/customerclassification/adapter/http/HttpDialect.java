package io.customerclassification.adapter.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * One vendor API dialect served by the HTTP adapter (Simpro for customer profiles, Sage Intacct for customer
 * types). Each dialect registers its own routes and renders every error on its paths in its own format;
 * {@link HttpApi} sends every error that arises outside a route (no route, a method no route serves, a body too
 * large, an exception that escapes a handler) to the dialect that owns the request path, whatever the request's
 * {@code Accept} header says.
 */
public interface HttpDialect {

    /**
     * The {@code Retry-After} of a request the store had no turn for in time ({@code StoreBusyException}):
     * nothing was done, and a retry a moment later may succeed.
     */
    int BUSY_RETRY_AFTER_SECONDS = 1;
    String BUSY_MESSAGE = "The server is busy; retry after " + BUSY_RETRY_AFTER_SECONDS + " s.";
    /**
     * The message of a write the store had no room for ({@code StoreFullException}, 507): nothing was written, what
     * was stored is intact, and the write succeeds once space is freed.
     */
    String STORE_FULL_MESSAGE = "The store is full: nothing was written. Retry once space has been freed.";

    /** Registers the dialect's routes (and any path-scoped before/after handlers). */
    void register(RoutesConfig routes);

    /** Whether a request path belongs to this dialect. */
    boolean owns(String path);

    /**
     * Writes this dialect's error answer for a refusal that is a status and a sentence, nothing more: the one
     * place where such refusals of the dialect's paths are rendered (a wrong method, a body too large, an
     * unsupported media type, missing or insufficient credentials…). Headers such as {@code Allow} or
     * {@code Retry-After} are the caller's to set.
     *
     * @param message why, in a sentence a client developer can act on
     */
    void refuse(Context ctx, int status, String message);

    /** Writes this dialect's error response for an exception that escaped a handler on one of its paths. */
    void renderException(Exception exception, Context ctx);

    /** Writes this dialect's 404 response for a path it owns but that matches no route. */
    void renderNotFound(Context ctx);

    /**
     * This dialect's JSON error body for a request on one of its paths that the server refused before any route
     * ran, so without a Javalin {@link Context}: a malformed request (400), a URI or headers too large (414,
     * 431), an overloaded or stopping server (503). The server writes the status and any header such as
     * {@code Retry-After}.
     *
     * @param reason why, in a sentence a client developer can act on
     */
    String refusalBody(int status, String reason);

    /**
     * {@link #refusalBody(int, String)} of the request whose id ({@link RequestIds}) is {@code requestId}, for a
     * dialect whose error format quotes it.
     */
    default String refusalBody(int status, String reason, String requestId) {
        return refusalBody(status, reason);
    }
}
