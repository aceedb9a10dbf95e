package io.customerclassification.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.bootstrap.CustomerClassificationServer;
import io.customerclassification.bootstrap.IdentityConfig;
import io.customerclassification.bootstrap.ServerConfig;
import io.customerclassification.bootstrap.e2e.Http.Reply;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CONTRACT §3.2 over real HTTP and a real database file: an {@code Idempotency-Key} outlives the server that first
 * saw it, is shared by every server over the same file, and however many retries race, one record is created.
 */
class IdempotencyEndToEndTest {

    private static final String PROFILES = "/api/v1.0/companies/0/setup/customerProfiles/";
    private static final String TYPES = "/objects/accounts-receivable/customer-type";

    @TempDir
    Path folder;

    private final List<CustomerClassificationServer> servers = new ArrayList<>();
    private final ExecutorService clients = Executors.newFixedThreadPool(6);

    @AfterEach
    void stop() throws InterruptedException {
        clients.shutdownNow();
        assertTrue(clients.awaitTermination(10, TimeUnit.SECONDS));
        servers.forEach(CustomerClassificationServer::stop);
    }

    private Http start() {
        CustomerClassificationServer server = CustomerClassificationServer.start(
                new ServerConfig("127.0.0.1", 0, folder.resolve("keys.db"), List.of())
                        .withIdentity(IdentityConfig.NONE));
        servers.add(server);
        return new Http(server.port());
    }

    private static Reply post(Http http, String path, String json, String key) {
        return http.post(path, json, Map.of("Idempotency-Key", key));
    }

    @Test
    void aRetryAfterARestartGetsTheFirstAnswerAgain() {
        Http before = start();
        Reply profile = post(before, PROFILES, "{\"Name\": \"Gold\"}", "profile-1");
        Reply type = post(before, TYPES, "{\"id\": \"Reseller\"}", "type-1");
        assertEquals(201, profile.status(), profile.body());
        assertEquals(201, type.status(), type.body());
        servers.remove(0).stop();

        Http after = start();
        Reply profileAgain = post(after, PROFILES, "{\"Name\": \"Gold\"}", "profile-1");
        assertEquals(201, profileAgain.status());
        assertEquals(profile.body(), profileAgain.body());
        assertEquals(profile.header("Location"), profileAgain.header("Location"));
        assertEquals("true", profileAgain.header("Idempotent-Replayed"));
        Reply typeAgain = post(after, TYPES, "{\"id\": \"Reseller\"}", "type-1");
        assertEquals(type.body(), typeAgain.body());
        assertEquals("true", typeAgain.header("Idempotent-Replayed"));

        assertEquals(422, post(after, PROFILES, "{\"Name\": \"Silver\"}", "profile-1").status(),
                "the same key with another body");
        assertEquals("1", after.get(PROFILES).header("Result-Total"));
        assertEquals(1, after.get(TYPES).json().at("/ia::meta/totalCount").asInt());
    }

    @Test
    void everyServerOverOneStoreSharesTheKeys() {
        Http first = start();
        Http second = start();
        Reply created = post(first, PROFILES, "{\"Name\": \"Gold\"}", "shared");
        Reply again = post(second, PROFILES, "{\"Name\": \"Gold\"}", "shared");
        assertNull(created.header("Idempotent-Replayed"));
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(created.body(), again.body());
        assertEquals("1", second.get(PROFILES).header("Result-Total"));
    }

    @Test
    void retriesRacingTheirRequestCreateOneRecordAndAreAnsweredItOr409() throws Exception {
        Http http = start();
        for (int round = 0; round < 10; round++) {
            String body = "{\"Name\": \"Profile " + round + "\"}";
            String key = "race-" + round;
            CyclicBarrier start = new CyclicBarrier(6);
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                replies.add(clients.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return post(http, PROFILES, body, key);
                }));
            }
            String created = null;
            for (Future<Reply> future : replies) {
                Reply reply = future.get(60, TimeUnit.SECONDS);
                assertTrue(reply.status() == 201 || reply.status() == 409, "round " + round + ": " + reply);
                if (reply.status() == 201) {
                    assertTrue(created == null || created.equals(reply.body()), "two different answers: " + reply);
                    created = reply.body();
                } else {
                    assertEquals("1", reply.header("Retry-After"));
                }
            }
            assertTrue(created != null, "round " + round + ": nobody got the first answer");
            assertEquals(Integer.toString(round + 1), http.get(PROFILES).header("Result-Total"),
                    "round " + round + ": one record per key");
        }
    }

    @Test
    void aKeyWithBytesThatAreNoVisibleAsciiIsRefusedInEachDialectsFormat() throws IOException {
        Http http = start();
        int port = servers.get(0).port();
        String simpro = raw(port, PROFILES, "{\"Name\": \"Gold\"}", "caf\u00e9".getBytes(StandardCharsets.UTF_8));
        assertTrue(simpro.startsWith("HTTP/1.1 422"), simpro);
        assertTrue(simpro.contains("Idempotency-Key must be one header of 1 to 255 visible ASCII characters."), simpro);
        String intacct = raw(port, TYPES, "{\"id\": \"Reseller\"}", new byte[] {'k', (byte) 0xE9});
        assertTrue(intacct.startsWith("HTTP/1.1 400"), intacct);
        assertTrue(intacct.contains("\"errorId\":\"CC-1006\""), intacct);
        assertEquals("0", http.get(PROFILES).header("Result-Total"));
        assertEquals(0, http.get(TYPES).json().at("/ia::meta/totalCount").asInt());
    }

    /** A POST whose Idempotency-Key is the bytes given, on its own connection; the whole answer as text. */
    private static String raw(int port, String path, String json, byte[] key) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\nConnection: close\r\nIdempotency-Key: ")
                .getBytes(StandardCharsets.US_ASCII));
        request.writeBytes(key);
        request.writeBytes("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        request.writeBytes(body);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.toByteArray());
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
