package io.customerclassification.bootstrap;

import io.customerclassification.adapter.jdbi.PoolState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * What {@code GET /metrics} shows, in Prometheus's text format (CONTRACT §7): every answered request by route
 * template, method and status, with a latency histogram; the store's connection pool; requests refused because
 * the server or the store was busy; the JVM's memory and threads. A route template, not the path, names a request,
 * so that the number of series stays bounded whatever clients send.
 */
final class ServerMetrics {

    /** The route of a request that matched none: one series for every unknown path. */
    static final String UNMATCHED = "unmatched";

    /** The histogram's buckets: from a read by key (about a millisecond) to a request that waited its longest. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
        Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2_500),
        Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter overloaded;
    private final Counter storeBusy;

    /** @param pool the store's connection pool, read at every scrape */
    ServerMetrics(Supplier<PoolState> pool) {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        poolGauge("active", "connections lent to work", pool, PoolState::active);
        poolGauge("idle", "connections open and free", pool, PoolState::idle);
        poolGauge("pending", "threads waiting for a connection", pool, PoolState::waiting);
        poolGauge("max", "the pool's size", pool, PoolState::maximum);
        overloaded = busy("server", "the server had no request slot in time (answered 503 before any route ran)");
        storeBusy = busy("store", "the store had no connection or turn in time (answered 503 by the dialect)");
    }

    private void poolGauge(String state, String description, Supplier<PoolState> pool,
            ToDoubleFunction<PoolState> value) {
        Gauge.builder("classification_store_connections", pool, supplier -> value.applyAsDouble(supplier.get()))
                .tag("state", state).description("The store's connection pool: " + description)
                .strongReference(true) // Micrometer holds a gauge's object weakly, and nothing else holds this one
                .register(registry);
    }

    private Counter busy(String what, String description) {
        return Counter.builder("classification_busy_refusals").tag("refused_by", what)
                .description("Requests refused as busy: " + description).register(registry);
    }

    /** One answered request. */
    void request(String method, String route, int status, float millis) {
        Timer.builder("http_server_requests").description("Answered requests by route template, method and status")
                .tag("method", method).tag("route", route).tag("status", Integer.toString(status))
                .serviceLevelObjectives(BUCKETS)
                .register(registry)
                .record((long) (millis * 1_000_000L), TimeUnit.NANOSECONDS);
        if (status == 503 && !UNMATCHED.equals(route) && !route.startsWith("/health")) {
            storeBusy.increment();
        }
    }

    /** A request the server refused before it took a request slot. */
    void overloaded() {
        overloaded.increment();
    }

    /** Every meter in Prometheus's text exposition format. */
    String scrape() {
        return registry.scrape();
    }
}
