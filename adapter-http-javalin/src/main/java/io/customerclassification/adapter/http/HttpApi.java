package io.customerclassification.adapter.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Installs the dialects into a Javalin configuration and dispatches errors that no route handled to the
 * dialect that owns the path. Paths owned by no dialect get a minimal JSON error.
 */
public final class HttpApi {

    private final List<HttpDialect> dialects;

    public HttpApi(List<HttpDialect> dialects) {
        this.dialects = List.copyOf(dialects);
    }

    public void configure(JavalinConfig config) {
        dialects.forEach(dialect -> dialect.register(config.routes));
        config.routes.exception(Exception.class, (exception, ctx) -> {
            Optional<HttpDialect> owner = ownerOf(ctx);
            if (owner.isPresent()) {
                owner.get().renderException(exception, ctx);
            } else {
                ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).json(Map.of("error", "Internal server error"));
            }
        });
        config.routes.error(HttpStatus.NOT_FOUND, ctx -> {
            if (ctx.result() != null && !ctx.result().isEmpty()) {
                return;
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
