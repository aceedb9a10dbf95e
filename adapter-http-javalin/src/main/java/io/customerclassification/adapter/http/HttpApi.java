package io.customerclassification.adapter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpException;

/**
 * Installs the dialects into a Javalin configuration and dispatches errors that no route handled to the
 * dialect that owns the path. Paths owned by no dialect get a minimal JSON error.
 */
public final class HttpApi {

    /** Bodies above this size are refused with 413 by every dialect. */
    public static final long MAX_REQUEST_BYTES = 1024 * 1024;

    /** How much of an unread body is read and dropped to keep the connection usable; beyond, it is closed. */
    static final long MAX_DISCARDED_BYTES = 16 * MAX_REQUEST_BYTES;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<HttpDialect> dialects;

    public HttpApi(List<HttpDialect> dialects) {
        this.dialects = List.copyOf(dialects);
    }

    public void configure(JavalinConfig config) {
        config.http.maxRequestSize = MAX_REQUEST_BYTES;
        dialects.forEach(dialect -> dialect.register(config.routes));
        config.routes.after(HttpApi::discardBody);
        config.routes.exception(Exception.class, (exception, ctx) -> {
            Exception refusal = asClientError(exception);
            Optional<HttpDialect> owner = ownerOf(ctx.path());
            if (owner.isPresent()) {
                owner.get().renderException(refusal, ctx);
            } else if (refusal instanceof HttpResponseException http) {
                ctx.status(http.getStatus()).json(Map.of("error", http.getMessage()));
            } else {
                ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).json(Map.of("error", "Internal server error"));
            }
        });
        // Javalin answers an oversized body, and a method no route has (OPTIONS, TRACE…), itself in plain text:
        // give those answers the owning dialect's format.
        for (HttpStatus status : List.of(HttpStatus.CONTENT_TOO_LARGE, HttpStatus.METHOD_NOT_ALLOWED)) {
            config.routes.error(status, ctx -> {
                if (!isJson(ctx)) {
                    ownerOf(ctx.path()).ifPresent(dialect -> dialect.renderException(
                            new HttpResponseException(status.getCode(), status.getMessage()), ctx));
                }
            });
        }
        config.routes.error(HttpStatus.NOT_FOUND, ctx -> {
            if (isJson(ctx)) {
                return; // a handler already answered 404 in its dialect's format
            }
            Optional<HttpDialect> owner = ownerOf(ctx.path());
            if (owner.isPresent()) {
                owner.get().renderNotFound(ctx);
            } else {
                ctx.json(Map.of("error", "Not found"));
            }
        });
    }

    /**
     * The JSON error body for a request the server refused before any route ran (see
     * {@link HttpDialect#refusalBody}), in the format of the dialect that owns {@code path}, else neutral.
     */
    public String refusalBody(String path, int status, String reason) {
        return ownerOf(path).map(dialect -> dialect.refusalBody(status, reason)).orElseGet(() -> neutralErrorBody(reason));
    }

    /** {@code {"error": reason}}: the body for paths that no dialect owns. */
    public static String neutralErrorBody(String reason) {
        try {
            return JSON.writeValueAsString(Map.of("error", reason));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /**
     * Reads what is left of a body no handler read (a request refused early, a body over 1 MiB), up to
     * {@link #MAX_DISCARDED_BYTES}. Otherwise Jetty closes the connection after the answer, unannounced once the
     * answer is under way: the client may reuse it for its next request and lose that, or have the answer
     * itself destroyed by the reset TCP sends for unread bytes.
     */
    private static void discardBody(Context ctx) {
        if (ctx.req().getContentLengthLong() <= 0 && ctx.req().getHeader("Transfer-Encoding") == null) {
            return; // HTTP/1.1: no length and no transfer coding is no body (RFC 9112 §6.3); nothing to allocate
        }
        try {
            ServletInputStream body = ctx.req().getInputStream();
            if (body.isFinished()) {
                return; // the handler read it all
            }
            byte[] buffer = new byte[8 * 1024];
            long discarded = 0;
            for (int read; discarded < MAX_DISCARDED_BYTES && (read = body.read(buffer)) >= 0; ) {
                discarded += read;
            }
        } catch (IOException | RuntimeException e) {
            // the client stopped sending, or broke the body: the connection is closed either way
        }
    }

    /** Whether a handler already answered, in its dialect's JSON. */
    private static boolean isJson(Context ctx) {
        String contentType = ctx.res().getContentType();
        return contentType != null && contentType.startsWith("application/json");
    }

    /**
     * Javalin decodes a body in the charset its {@code Content-Type} names and fails on a name the JVM does not
     * know; Jetty fails the read of a body that breaks HTTP (a bad chunk, a body cut short): those are the
     * client's mistakes, a 4xx, not server failures.
     */
    private static Exception asClientError(Exception exception) {
        if (exception instanceof IllegalCharsetNameException || exception instanceof UnsupportedCharsetException) {
            return new HttpResponseException(HttpStatus.UNSUPPORTED_MEDIA_TYPE.getCode(),
                    "Unsupported charset: " + exception.getMessage());
        }
        if (exception instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
            return new HttpResponseException(http.getCode(), http.getReason() == null ? "Bad request" : http.getReason());
        }
        return exception;
    }

    private Optional<HttpDialect> ownerOf(String path) {
        return dialects.stream().filter(dialect -> dialect.owns(path)).findFirst();
    }
}
