package io.customerclassification.bootstrap;

import io.customerclassification.adapter.http.HttpApi;
import io.customerclassification.adapter.http.HttpDialect;
import io.customerclassification.adapter.http.RequestIds;
import io.customerclassification.adapter.jdbi.PoolState;
import io.customerclassification.adapter.http.console.ConsolePages;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.Endpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.jetty.http.UriCompliance.Violation;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The Javalin server: both dialects, {@code GET /health} and {@code /health/ready}, {@code GET /metrics}, the
 * OpenAPI documents under {@code /openapi/}, the web console at {@code /} and the API documentation at
 * {@code /docs} ({@link ConsolePages}), an id per request ({@link RequestIds}) and one structured log line per
 * request, and the {@link Limits} that keep it answering under hostile input and load (docs/reliability.md).
 * Whatever Jetty refuses before a route runs is answered in the owning dialect's format.
 */
final class HttpServer {

    /** How long {@link #stop} waits for in-flight requests before closing their connections. */
    static final long STOP_TIMEOUT_MILLIS = 10_000;
    static final List<String> OPENAPI_DOCUMENTS =
            List.of("simpro-customer-profiles.json", "intacct-customer-type.json", "identity.json");

    /**
     * What the server lets a client use; docs/reliability.md gives the reason for each default.
     *
     * @param workerThreads the worker pool (Jetty's selector and acceptor run on it too)
     * @param activeRequests requests handled at once; more wait, holding no thread
     * @param activeReads of those, reads handled at once (GET, HEAD, the query service); more wait their turn,
     *     holding no thread, while writes go on
     * @param waitingRequests requests allowed to wait; one more is answered 503 at once
     * @param maxWait how long a request may wait for its turn before it is answered 503
     * @param requestHeaderBytes request line and headers together; larger is answered 414 or 431
     * @param idleTimeout a connection that sends or receives nothing for this long is closed
     * @param connections open connections; further ones wait in the operating system's accept queue
     * @param connectionsPerAddress open connections of one client address; one more is closed once accepted
     * @param requestHeadTimeout a request head (line and headers) not complete this long after its first bytes
     *     arrived closes its connection
     * @param bodyGrace a body may take this long, plus its length at {@code minBodyBytesPerSecond}, to arrive
     * @param minBodyBytesPerSecond a body slower than this after {@code bodyGrace} is answered 408
     */
    record Limits(
            int workerThreads,
            int activeRequests,
            int activeReads,
            int waitingRequests,
            Duration maxWait,
            int requestHeaderBytes,
            Duration idleTimeout,
            int connections,
            int connectionsPerAddress,
            Duration requestHeadTimeout,
            Duration bodyGrace,
            int minBodyBytesPerSecond) {

        static final Limits DEFAULT = new Limits(48, 32, defaultActiveReads(), 256, Duration.ofSeconds(5), 8 * 1024,
                Duration.ofSeconds(30), 1024, 512, Duration.ofSeconds(5), Duration.ofSeconds(5), 16 * 1024);

        /**
         * Two reads per core (four at least): reads are CPU work, in process on SQLite, so two per core keep the
         * cores busy, and every read beyond them only lengthens the queue of runnable threads that each hand-off of
         * the single writer's turn waits in (docs/reliability.md, docs/performance.md).
         */
        static int defaultActiveReads() {
            return Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
        }

        Limits withConnections(int total, int perAddress) {
            return new Limits(workerThreads, activeRequests, activeReads, waitingRequests, maxWait,
                    requestHeaderBytes, idleTimeout, total, perAddress, requestHeadTimeout, bodyGrace,
                    minBodyBytesPerSecond);
        }

        Limits withRequests(int active, int waiting, Duration wait) {
            return new Limits(workerThreads, active, activeReads, waiting, wait, requestHeaderBytes, idleTimeout,
                    connections, connectionsPerAddress, requestHeadTimeout, bodyGrace, minBodyBytesPerSecond);
        }

        Limits withReads(int reads) {
            return new Limits(workerThreads, activeRequests, reads, waitingRequests, maxWait, requestHeaderBytes,
                    idleTimeout, connections, connectionsPerAddress, requestHeadTimeout, bodyGrace,
                    minBodyBytesPerSecond);
        }

        Limits withTimeouts(Duration idle, Duration requestHead, Duration grace, int minBodyRate) {
            return new Limits(workerThreads, activeRequests, activeReads, waitingRequests, maxWait,
                    requestHeaderBytes, idle, connections, connectionsPerAddress, requestHead, grace, minBodyRate);
        }

        /** Seconds a client told 503 is asked to wait: the longest a request may wait for its turn. */
        long retryAfterSeconds() {
            return Math.max(1, maxWait.toSeconds());
        }
    }

    /** How long {@link #stop} lets connections accepted before it finish their exchange. */
    static final long DRAIN_MILLIS = 1_000;

    private final Javalin javalin;
    private final ServerConnector connector;
    private final RequestLog requestLog;
    /** What {@code GET /health/ready} says: true from {@link #markReady} until {@link #stop} begins. */
    private final AtomicBoolean ready;

    /**
     * Start-up is mostly class loading and first runs of code. While the caller opens the database on one core,
     * this loads the HTTP stack on the other: a Javalin instance with the server's settings that is never
     * started, and Jetty's server.
     */
    static Thread loadClassesInBackground() {
        Thread thread = new Thread(() -> {
            Javalin.create(config -> config.startup.showJavalinBanner = false);
            new org.eclipse.jetty.server.Server(new QueuedThreadPool(2, 1)).getClass();
        }, "warm-up");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private HttpServer(Javalin javalin, ServerConnector connector, RequestLog requestLog, AtomicBoolean ready) {
        this.javalin = javalin;
        this.connector = connector;
        this.requestLog = requestLog;
        this.ready = ready;
    }

    /**
     * @throws ConfigurationException when the address cannot be bound (port in use, unknown host)
     */
    static HttpServer start(String host, int port, List<HttpDialect> dialects, Supplier<StoreState> store) {
        return start(host, port, dialects, store, Limits.DEFAULT);
    }

    static HttpServer start(String host, int port, List<HttpDialect> dialects, Supplier<StoreState> store,
            Limits limits) {
        return start(host, port, dialects, store, limits, new ServerMetrics(() -> PoolState.NONE));
    }

    /**
     * Starts listening; {@code GET /health/ready} answers 503 until {@link #markReady}.
     *
     * @param metrics what {@code GET /metrics} shows; the server records every request there
     */
    static HttpServer start(String host, int port, List<HttpDialect> dialects, Supplier<StoreState> store,
            Limits limits, ServerMetrics metrics) {
        HttpApi api = new HttpApi(dialects);
        AtomicBoolean ready = new AtomicBoolean();
        AtomicReference<ServerConnector> connectorOf = new AtomicReference<>();
        RequestLog requestLog = new RequestLog();
        Javalin javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.prefer405over404 = true;
            // The job queue stays unbounded, as Jetty advises: Overload bounds the requests, and
            // NetworkConnectionLimit the connections, that could fill it.
            QueuedThreadPool pool = new QueuedThreadPool(limits.workerThreads(), 4);
            pool.setName("http");
            config.jetty.threadPool = pool;
            config.jetty.modifyHttpConfiguration(http -> {
                http.setRequestHeaderSize(limits.requestHeaderBytes());
                // A path with bad UTF-8 or an encoded control character reaches the routes (and gets the
                // dialect's 404) rather than Jetty's 400, which no longer knows the path and so cannot answer in
                // the dialect's format. Nothing here serves files, so such paths are harmless.
                http.setUriCompliance(http.getUriCompliance().with("dialect-errors", Violation.BAD_UTF8_ENCODING,
                        Violation.TRUNCATED_UTF8_ENCODING, Violation.SUSPICIOUS_PATH_CHARACTERS));
            });
            config.jetty.addConnector((server, http) -> {
                ServerConnector connector = new ServerConnector(server,
                        new RequestHeads(http, limits.requestHeadTimeout()));
                connectorOf.set(connector);
                connector.setHost(host);
                connector.setPort(port);
                connector.setIdleTimeout(limits.idleTimeout().toMillis());
                server.addBean(new NetworkConnectionLimit(limits.connections(), connector));
                connector.addBean(new ConnectionShare(limits.connectionsPerAddress()));
                return connector;
            });
            config.jetty.modifyServer(server -> {
                // Javalin nests its own handler innermost: stop() waits for the requests GracefulHandler counts,
                // bodies arrive before their request takes a turn, requests over the limit wait in Overload and
                // reads over theirs in the read turns (Overload.readTurns), without reaching Javalin.
                server.setHandler(new GracefulHandler(new JettyHandlers.RequestIdHandler(new BodyFirst(
                        new JettyHandlers.Overload(api, limits, metrics,
                                JettyHandlers.Overload.readTurns(api, limits, metrics, new Handler.Wrapper())),
                        (int) HttpApi.MAX_REQUEST_BYTES,
                        HttpApi.MAX_DISCARDED_BYTES, limits.bodyGrace(), limits.minBodyBytesPerSecond()))));
                server.setErrorHandler(new JettyHandlers.Refusals(api));
                server.setStopTimeout(STOP_TIMEOUT_MILLIS);
            });
            config.requestLogger.http((ctx, millis) -> {
                String method = String.valueOf(ctx.method());
                requestLog.record(method, ctx.path(), ctx.statusCode(), millis, RequestIds.of(ctx));
                metrics.request(method, route(ctx), ctx.statusCode(), millis);
            });
            config.routes.get("/health", ctx -> health(ctx, store.get()));
            config.routes.get("/health/ready", ctx -> readiness(ctx, ready.get(), store.get()));
            config.routes.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(metrics.scrape()));
            config.routes.get("/openapi", ctx -> ctx.json(Map.of("documents",
                    OPENAPI_DOCUMENTS.stream().map(name -> "/openapi/" + name).toList())));
            for (String document : OPENAPI_DOCUMENTS) {
                byte[] body = resource("/openapi/" + document);
                config.routes.get("/openapi/" + document, ctx -> ctx.contentType("application/json").result(body));
            }
            new ConsolePages().register(config.routes);
            api.configure(config);
        });
        try {
            javalin.start();
        } catch (RuntimeException e) {
            javalin.stop();
            requestLog.close();
            throw new ConfigurationException(bindFailure(host, port, e), e);
        }
        return new HttpServer(javalin, connectorOf.get(), requestLog, ready);
    }

    /** Prometheus's text exposition format, version 0.0.4. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    /** The route template the request matched ({@code /objects/accounts-receivable/customer-type/{key}}). */
    private static String route(Context ctx) {
        try {
            Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
            return endpoint == null ? ServerMetrics.UNMATCHED : endpoint.path;
        } catch (RuntimeException e) {
            return ServerMetrics.UNMATCHED; // no route matched (a 404, or a refusal before the routes)
        }
    }

    int port() {
        return javalin.port();
    }

    /** From now on {@code GET /health/ready} answers 200 while the store answers: the server takes traffic. */
    void markReady() {
        ready.set(true);
    }

    /**
     * {@code {"status": "READY"}}, else 503 {@code {"status": "NOT_READY", "reason": …}} while the server starts or
     * stops, or the store does not answer: a load balancer sends this instance no new requests then.
     */
    private static void readiness(Context ctx, boolean ready, StoreState store) {
        Map<String, String> body = new LinkedHashMap<>();
        if (ready && store.reachable()) {
            body.put("status", "READY");
            ctx.json(body);
            return;
        }
        body.put("status", "NOT_READY");
        body.put("reason", ready ? "The store does not answer." : "The server is starting or stopping.");
        ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(body);
    }

    /**
     * {@code {"status": "UP", "database": "reachable"}}, else 503 and {@code DOWN} with {@code "unreachable"}, or
     * {@code "full"} and the reason.
     */
    private static void health(Context ctx, StoreState store) {
        Map<String, String> body = new LinkedHashMap<>();
        boolean up = store.reachable() && store.fullSince().isEmpty();
        body.put("status", up ? "UP" : "DOWN");
        if (!store.reachable()) {
            body.put("database", "unreachable");
        } else if (store.fullSince().isPresent()) {
            body.put("database", "full");
            body.put("reason", "The store has been full since " + store.fullSince().get().truncatedTo(ChronoUnit.SECONDS)
                    + ": writes are refused with 507 until space is freed; reads go on.");
        } else {
            body.put("database", "reachable");
        }
        ctx.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json(body);
    }

    /**
     * Stops accepting connections and lets in-flight requests finish. The listening socket closes first, so a
     * new client is refused at connect; a connection accepted just before gets up to {@link #DRAIN_MILLIS} to
     * send its request and receive the answer, since Jetty's stop closes every connection once the requests
     * it counts are done, and one whose request was still on the way would be cut off without a word.
     */
    void stop() {
        ready.set(false);
        if (connector != null) {
            connector.close();
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DRAIN_MILLIS);
            while (!connector.getConnectedEndPoints().isEmpty() && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        javalin.stop();
        requestLog.close();
    }

    private static byte[] resource(String path) {
        try (InputStream in = HttpServer.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the OpenAPI document " + path + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String bindFailure(String host, int port, Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                return "cannot listen on " + host + ":" + port + ": " + cause.getMessage()
                        + " (is another server using the port? choose another with --port)";
            }
        }
        return "cannot start the HTTP server on " + host + ":" + port + ": " + e.getMessage();
    }
}
