package io.customerclassification.bootstrap;

import io.customerclassification.adapter.http.HttpApi;
import io.customerclassification.adapter.http.HttpDialect;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A dialect whose one route, {@code GET /slow}, holds each request until {@link #release} or for {@code hold},
 * to have requests in flight when a test needs them; it counts how many run at once.
 */
final class HeldDialect implements HttpDialect {

    final CountDownLatch entered = new CountDownLatch(1);
    final AtomicInteger mostAtOnce = new AtomicInteger();
    private final CountDownLatch released = new CountDownLatch(1);
    private final AtomicInteger running = new AtomicInteger();
    private final Duration hold;

    HeldDialect(Duration hold) {
        this.hold = hold;
    }

    void release() {
        released.countDown();
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/slow", ctx -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            entered.countDown();
            try {
                released.await(hold.toMillis(), TimeUnit.MILLISECONDS);
            } finally {
                running.decrementAndGet();
            }
            ctx.result("done");
        });
    }

    @Override
    public boolean owns(String path) {
        return path.equals("/slow");
    }

    @Override
    public void refuse(Context ctx, int status, String message) {
        ctx.status(status).result(message);
    }

    @Override
    public String refusalBody(int status, String reason) {
        return HttpApi.neutralErrorBody(reason);
    }

    @Override
    public void renderException(Exception exception, Context ctx) {
        ctx.status(500).result("failed");
    }

    @Override
    public void renderNotFound(Context ctx) {
        ctx.status(404).result("none");
    }
}
