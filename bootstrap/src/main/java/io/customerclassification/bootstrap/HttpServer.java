package io.customerclassification.bootstrap;

import io.customerclassification.adapter.http.HttpApi;
import io.customerclassification.adapter.http.HttpDialect;
import io.javalin.Javalin;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Javalin server: both dialects, {@code GET /health}, the OpenAPI documents under {@code /openapi/}, one
 * structured log line per request, a 1 MiB body limit and a bounded worker pool.
 */
final class HttpServer {

    static final int MAX_THREADS = 32;
    /** How long {@link #stop} waits for in-flight requests before closing their connections. */
    static final long STOP_TIMEOUT_MILLIS = 10_000;
    static final List<String> OPENAPI_DOCUMENTS =
            List.of("simpro-customer-profiles.json", "intacct-customer-type.json");

    private static final Logger REQUESTS = LoggerFactory.getLogger("requests");

    private final Javalin javalin;

    private HttpServer(Javalin javalin) {
        this.javalin = javalin;
    }

    /**
     * @throws ConfigurationException when the address cannot be bound (port in use, unknown host)
     */
    static HttpServer start(String host, int port, List<HttpDialect> dialects, BooleanSupplier databaseReachable) {
        HttpApi api = new HttpApi(dialects);
        Javalin javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.prefer405over404 = true;
            QueuedThreadPool pool = new QueuedThreadPool(MAX_THREADS, 4);
            pool.setName("http");
            config.jetty.threadPool = pool;
            config.jetty.modifyServer(server -> {
                // Javalin nests its own handler inside: stop() then waits for the requests this one counts.
                server.setHandler(new GracefulHandler());
                server.setStopTimeout(STOP_TIMEOUT_MILLIS);
            });
            config.requestLogger.http((ctx, millis) -> REQUESTS.info("method={} path={} status={} durationMs={}",
                    ctx.method(), ctx.path(), ctx.statusCode(), String.format("%.1f", millis)));
            config.routes.get("/health", ctx -> {
                boolean up = databaseReachable.getAsBoolean();
                ctx.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                        .json(Map.of("status", up ? "UP" : "DOWN", "database", up ? "reachable" : "unreachable"));
            });
            config.routes.get("/openapi", ctx -> ctx.json(Map.of("documents",
                    OPENAPI_DOCUMENTS.stream().map(name -> "/openapi/" + name).toList())));
            for (String document : OPENAPI_DOCUMENTS) {
                byte[] body = resource("/openapi/" + document);
                config.routes.get("/openapi/" + document, ctx -> ctx.contentType("application/json").result(body));
            }
            api.configure(config);
        });
        try {
            javalin.start(host, port);
        } catch (RuntimeException e) {
            javalin.stop();
            throw new ConfigurationException(bindFailure(host, port, e), e);
        }
        return new HttpServer(javalin);
    }

    int port() {
        return javalin.port();
    }

    /** Stops accepting connections and lets in-flight requests finish. */
    void stop() {
        javalin.stop();
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
