package io.customerclassification.bootstrap;

import io.customerclassification.adapter.http.HttpApi;
import io.customerclassification.adapter.http.LogText;
import io.customerclassification.adapter.http.RequestIds;
import io.customerclassification.adapter.http.intacct.IntacctDialect;
import io.javalin.http.HttpStatus;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Jetty handlers that answer before (or instead of) a route: the request's id, the overload limit, and
 * Jetty's own refusals, each answered in the owning dialect's format ({@link HttpServer} puts them in place).
 */
final class JettyHandlers {

    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);

    private JettyHandlers() {}

    /**
     * At most {@link HttpServer.Limits#activeRequests} requests run at once; the next {@link HttpServer.Limits#waitingRequests} wait
     * (suspended, holding no thread) up to {@link HttpServer.Limits#maxWait}; the rest are answered 503 with
     * {@code Retry-After} in the owning dialect's format. The health check is never held back, so a monitor
     * sees an overloaded server as up.
     */
    static final class Overload extends QoSHandler {

        private final HttpApi api;
        private final long retryAfterSeconds;
        private final ServerMetrics metrics;

        Overload(HttpApi api, HttpServer.Limits limits, ServerMetrics metrics, Handler handler) {
            this(api, limits, metrics, handler, limits.activeRequests(), limits.waitingRequests());
        }

        private Overload(HttpApi api, HttpServer.Limits limits, ServerMetrics metrics, Handler handler, int active,
                int waiting) {
            super(handler);
            this.api = api;
            this.retryAfterSeconds = limits.retryAfterSeconds();
            this.metrics = metrics;
            setMaxRequestCount(active);
            setMaxSuspendedRequestCount(waiting);
            setMaxSuspend(limits.maxWait());
            excludePath("/health");
            excludePath("/health/ready");
            excludePath("/metrics");
        }

        /**
         * Inside {@link Overload}: at most {@link HttpServer.Limits#activeReads} reads (GET, HEAD and the query
         * service's POST, under either of its prefixes) run at once, the others wait their turn in the same way, and every other request passes
         * straight on. A write spends most of its time parked at the single writer's turn, where it uses no core;
         * what makes it slow is each hand-off of that turn waiting for a core behind every runnable thread, which
         * on a small server are mostly reads. Writes keep every request slot they can fill, so group commit still
         * gathers as many of them as come.
         */
        static Overload readTurns(HttpApi api, HttpServer.Limits limits, ServerMetrics metrics, Handler handler) {
            // never more waiting than the enclosing Overload lets run
            Overload reads = new Overload(api, limits, metrics, handler, limits.activeReads(),
                    limits.activeRequests());
            reads.include(JettyHandlers::isRead);
            return reads;
        }

        @Override
        protected void reject(Request request, Response response, Callback callback, int status) {
            overloaded(request, response, callback);
        }

        @Override
        protected void failSuspended(Request request, Response response, Callback callback, int status,
                Throwable failure) {
            overloaded(request, response, callback);
        }

        private void overloaded(Request request, Response response, Callback callback) {
            String requestId = requestId(request, response);
            LOG.warn("overloaded: {} {} answered 503 requestId={}", request.getMethod(),
                    LogText.of(request.getHttpURI().getPath()), requestId);
            metrics.overloaded();
            response.getHeaders().put(HttpHeader.RETRY_AFTER, retryAfterSeconds);
            write(response, callback, HttpStatus.SERVICE_UNAVAILABLE.getCode(), api.refusalBody(
                    request.getHttpURI().getPath(), HttpStatus.SERVICE_UNAVAILABLE.getCode(),
                    "The server is busy; retry after " + retryAfterSeconds + " s.", requestId));
        }
    }

    private static boolean isRead(Request request) {
        String method = request.getMethod();
        return method.equals("GET") || method.equals("HEAD")
                || method.equals("POST") && request.getHttpURI().getPath().endsWith(IntacctDialect.QUERY_PATH);
    }

    /**
     * What Jetty refuses before a route runs (a malformed request line or header, a URI or headers too large, a
     * request that arrives on an open connection while the server stops), answered in the owning dialect's JSON.
     * When Jetty could not parse the request line, the path is what {@link RequestHeads} could read of it; a line
     * with no readable path gets the neutral body.
     */
    static final class Refusals implements Request.Handler {

        private final HttpApi api;

        Refusals(HttpApi api) {
            this.api = api;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            int status = request.getAttribute(ErrorHandler.ERROR_STATUS) instanceof Integer code
                    ? code : response.getStatus();
            if (status == HttpStatus.SERVICE_UNAVAILABLE.getCode()) {
                response.getHeaders().put(HttpHeader.RETRY_AFTER, 1);
            }
            // Jetty closes the connection after most of these (a request it could not read, the stop), at times
            // without saying so; a client that reused it would lose its next request.
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            write(response, callback, status, api.refusalBody(RequestHeads.requestedPath(request), status,
                    reason(status), requestId(request, response)));
            return true;
        }

        private static String reason(int status) {
            return switch (status) {
                case 400 -> "The request is malformed.";
                case 408 -> "The request took too long to arrive.";
                case 413 -> "Request body is larger than 1 MiB.";
                case 414 -> "The request URI is too long.";
                case 431 -> "The request headers are too large.";
                case 503 -> "The server is stopping; retry after 1 s.";
                default -> {
                    HttpStatus known = HttpStatus.forStatus(status);
                    yield known == HttpStatus.UNKNOWN ? "The request was refused." : known.getMessage() + ".";
                }
            };
        }
    }

    /**
     * Keeps or makes the request's id ({@link RequestIds}) before anything else handles it: a request attribute the
     * routes read, and a header of the answer.
     */
    static final class RequestIdHandler extends Handler.Wrapper {

        RequestIdHandler(Handler handler) {
            super(handler);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            requestId(request, response);
            return super.handle(request, response, callback);
        }
    }

    /**
     * The request's id, kept or made once ({@link RequestIdHandler}; a request Jetty refused before it ran gets one
     * here) and set on the answer.
     */
    private static String requestId(Request request, Response response) {
        String id = request.getAttribute(RequestIds.ATTRIBUTE) instanceof String kept ? kept
                : RequestIds.keptOrMade(request.getHeaders().get(RequestIds.HEADER));
        request.setAttribute(RequestIds.ATTRIBUTE, id);
        response.getHeaders().put(RequestIds.HEADER, id);
        return id;
    }

    private static void write(Response response, Callback callback, int status, String json) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)), callback);
    }
}
