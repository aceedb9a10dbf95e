package io.customerclassification.adapter.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Installs the dialects into a Javalin configuration and dispatches errors that no route handled to the
 * dialect that owns the path. Paths owned by no dialect get a minimal JSON error.
 */
public final class HttpApi {

    /** Bodies above this size are refused with 413 by every dialect. */
    public static final long MAX_REQUEST_BYTES = 1024 * 1024;

    private final List<HttpDialect> dialects;

    public HttpApi(List<HttpDialect> dialects) {
        this.dialects = List.copyOf(dialects);
    }

    public void configure(JavalinConfig config) {
        config.http.maxRequestSize = MAX_REQUEST_BYTES;
        dialects.forEach(dialect -> dialect.register(config.routes));
        config.routes.exception(Exception.class, (exception, ctx) -> {
            Optional<HttpDialect> owner = ownerOf(ctx);
            if (owner.isPresent()) {
                owner.get().renderException(exception, ctx);
            } else {
                ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).json(Map.of("error", "Internal server error"));
            }
        });
        // Javalin answers an oversized body itself, in plain text: give it the owning dialect's format.
        config.routes.error(HttpStatus.CONTENT_TOO_LARGE, ctx -> ownerOf(ctx).ifPresent(dialect ->
                dialect.renderException(new HttpResponseException(HttpStatus.CONTENT_TOO_LARGE.getCode(),
                        "Content Too Large"), ctx)));
        config.routes.error(HttpStatus.NOT_FOUND, ctx -> {
            String contentType = ctx.res().getContentType();
            if (contentType != null && contentType.startsWith("application/json")) {
                return; // a handler already answered 404 in its dialect's format
            }
            Optional<HttpDialect> owner = ownerOf(ctx);
            if (owner.isPresent()) {
                owner.get().renderNotFound(ctx);
            } else {
                ctx.json(Map.of("error", "Not found"));
            }
        });
    }

    private Optional<HttpDialect> ownerOf(Context ctx) {
        String path = ctx.path();
        return dialects.stream().filter(dialect -> dialect.owns(path)).findFirst();
    }
}
