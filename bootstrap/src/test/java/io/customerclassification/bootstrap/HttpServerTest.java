package io.customerclassification.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HttpServerTest {

    @Test
    void stopLetsInFlightRequestsFinish() throws Exception {
        HeldDialect dialect = new HeldDialect(Duration.ofMillis(1_500));
        HttpServer server = HttpServer.start("127.0.0.1", 0, List.of(dialect),
                () -> new StoreState(true, Optional.empty()));
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/slow"))
                        .timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(dialect.entered.await(10, TimeUnit.SECONDS), "the slow request never reached its handler");

        long stopping = System.nanoTime();
        server.stop();
        HttpResponse<String> response = inFlight.get(20, TimeUnit.SECONDS);

        assertEquals(200, response.statusCode());
        assertEquals("done", response.body());
        assertTrue(System.nanoTime() - stopping < TimeUnit.MILLISECONDS.toNanos(HttpServer.STOP_TIMEOUT_MILLIS),
                "stop waited for the request, not for the whole timeout");
    }

    @Test
    void aPortInUseIsAClearConfigurationError() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            ConfigurationException e = assertThrows(ConfigurationException.class,
                    () -> HttpServer.start("127.0.0.1", taken.getLocalPort(), List.of(),
                            () -> new StoreState(true, Optional.empty())));
            assertTrue(e.getMessage().contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()), e.getMessage());
            assertTrue(e.getMessage().contains("--port"), e.getMessage());
        }
    }
}
