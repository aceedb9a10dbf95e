package io.customerclassification.adapter.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * One vendor API dialect served by the HTTP adapter (Simpro for customer profiles, Sage Intacct for customer
 * types). Each dialect registers its own routes and renders every error on its paths in its own format;
 * {@link HttpApi} sends errors that arise outside a route (unknown route, body too large, an exception that
 * escapes a handler) to the dialect that owns the request path.
 */
public interface HttpDialect {

    /** Registers the dialect's routes (and any path-scoped before/after handlers). */
    void register(RoutesConfig routes);

    /** Whether a request path belongs to this dialect. */
    boolean owns(String path);

    /** Writes this dialect's error response for an exception that escaped a handler on one of its paths. */
    void renderException(Exception exception, Context ctx);

    /** Writes this dialect's 404 response for a path it owns but that matches no route. */
    void renderNotFound(Context ctx);
}
