package io.customerclassification.adapter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.http.NotFoundResponse;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs the dialects into a Javalin configuration and dispatches every error answer to the dialect that owns
 * the path, whatever the request's {@code Accept} header says: exceptions of handlers, and Javalin's own refusals
 * (no route, a method no route serves, a body too large). Paths owned by no dialect get the neutral
 * {@code {"error": …}}.
 */
public final class HttpApi {

    /** Bodies above this size are refused with 413 by every dialect. */
    public static final long MAX_REQUEST_BYTES = 1024 * 1024;

    /** How much of an unread body is read and dropped to keep the connection usable; beyond, it is closed. */
    public static final long MAX_DISCARDED_BYTES = 16 * MAX_REQUEST_BYTES;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);

    private final List<HttpDialect> dialects;

    public HttpApi(List<HttpDialect> dialects) {
        this.dialects = List.copyOf(dialects);
    }

    public void configure(JavalinConfig config) {
        config.http.maxRequestSize = MAX_REQUEST_BYTES;
        dialects.forEach(dialect -> dialect.register(config.routes));
        config.routes.after(HttpApi::discardBody);
        // Javalin answers its own refusals (no route, a method no route serves, a body too large) itself, in a
        // format of its own chosen by the Accept header, unless a handler for HttpResponseException is registered.
        config.routes.exception(HttpResponseException.class, this::answer);
        config.routes.exception(Exception.class, this::answer);
        // A status set without an answer (by Javalin or Jetty while reading or writing) gets one too.
        for (HttpStatus status : HttpStatus.values()) {
            if (status.getCode() >= 400) {
                config.routes.error(status, ctx -> {
                    if (ctx.resultInputStream() == null) {
                        answer(new HttpResponseException(status.getCode(), status.getMessage()), ctx);
                    }
                });
            }
        }
    }

    /**
     * Every error answer of the API: the owning dialect's, else the neutral one. A refusal of Javalin's or Jetty's
     * (a status and a reason) goes to the dialect's {@link HttpDialect#refuse} in a sentence; a failure of a
     * handler to its {@link HttpDialect#renderException}.
     */
    private void answer(Exception exception, Context ctx) {
        Exception refusal = asClientError(exception);
        String allow = null;
        if (refusal instanceof MethodNotAllowedResponse notAllowed) {
            allow = notAllowed.getDetails().getOrDefault("availableMethods",
                    notAllowed.getDetails().get("Available methods"));
            if (allow != null) {
                ctx.header("Allow", allow);
            }
        }
        Optional<HttpDialect> owner = ownerOf(ctx.path());
        if (owner.isEmpty()) {
            answerNeutrally(refusal, ctx);
        } else if (refusal instanceof NotFoundResponse) {
            owner.get().renderNotFound(ctx);
        } else if (refusal instanceof HttpResponseException http) {
            owner.get().refuse(ctx, http.getStatus(), sentence(http, ctx.method().name(), allow));
        } else {
            owner.get().renderException(refusal, ctx);
        }
    }

    /** Why Javalin or Jetty refused, in a sentence a client developer can act on. */
    private static String sentence(HttpResponseException refusal, String method, String allow) {
        if (refusal instanceof MethodNotAllowedResponse) {
            return "Method " + method + " is not allowed here" + (allow == null ? "." : "; allowed: " + allow + ".");
        }
        if (refusal.getStatus() == HttpStatus.CONTENT_TOO_LARGE.getCode()) {
            return "Request body is larger than 1 MiB.";
        }
        String reason = refusal.getMessage() == null || refusal.getMessage().isBlank()
                ? HttpStatus.forStatus(refusal.getStatus()).getMessage() : refusal.getMessage();
        return reason.endsWith(".") ? reason : reason + ".";
    }

    /** {@code {"error": …}} for paths no dialect owns ({@code /}, {@code /nothing}, {@code /health}…). */
    private static void answerNeutrally(Exception refusal, Context ctx) {
        int status;
        String message;
        if (refusal instanceof HttpResponseException http) {
            status = http.getStatus();
            message = refusal instanceof NotFoundResponse ? "Not found"
                    : refusal instanceof MethodNotAllowedResponse ? "Method not allowed"
                    : HttpStatus.forStatus(status) == HttpStatus.UNKNOWN ? "Request refused"
                    : HttpStatus.forStatus(status).getMessage();
        } else {
            String reference = RequestIds.of(ctx);
            LOG.error("Unexpected failure, reference {}: {} {}", reference, ctx.method(), LogText.of(ctx.path()),
                    refusal);
            status = HttpStatus.INTERNAL_SERVER_ERROR.getCode();
            message = "Internal server error. Reference: " + reference;
        }
        ctx.status(status).contentType("application/json").result(neutralErrorBody(message));
    }

    /**
     * The JSON error body for a request the server refused before any route ran (see
     * {@link HttpDialect#refusalBody}), in the format of the dialect that owns {@code path}, else neutral.
     */
    public String refusalBody(String path, int status, String reason, String requestId) {
        return ownerOf(path).map(dialect -> dialect.refusalBody(status, reason, requestId))
                .orElseGet(() -> neutralErrorBody(reason));
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

    /**
     * A body is decoded in the charset its {@code Content-Type} names ({@link JsonBody}), which fails on a name the
     * JVM does not know; Jetty fails the read of a body that breaks HTTP (a bad chunk, a body cut short): those are
     * the client's mistakes, a 4xx, not server failures.
     */
    private static Exception asClientError(Exception exception) {
        if (exception instanceof IllegalCharsetNameException || exception instanceof UnsupportedCharsetException) {
            return new HttpResponseException(HttpStatus.UNSUPPORTED_MEDIA_TYPE.getCode(),
                    "Content-Type names a charset this server does not know: " + exception.getMessage());
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
