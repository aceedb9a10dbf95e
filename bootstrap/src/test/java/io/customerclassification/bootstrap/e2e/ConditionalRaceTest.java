package io.customerclassification.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.bootstrap.CustomerClassificationServer;
import io.customerclassification.bootstrap.IdentityConfig;
import io.customerclassification.bootstrap.ServerConfig;
import io.customerclassification.bootstrap.e2e.Http.Reply;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CONTRACT §3.2 over real HTTP and a real database file: two PATCHes sent at once with the same {@code If-Match}
 * never both win. Round after round, exactly one is applied and answers the next tag, and the other is 412 in its
 * dialect's format.
 */
class ConditionalRaceTest {

    private static final String PROFILES = "/api/v1.0/companies/0/setup/customerProfiles/";
    private static final String TYPES = "/objects/accounts-receivable/customer-type/";
    private static final int ROUNDS = 25;

    @TempDir
    Path folder;

    private CustomerClassificationServer server;
    private Http http;
    private final ExecutorService clients = Executors.newFixedThreadPool(2);

    @BeforeEach
    void start() {
        server = CustomerClassificationServer.start(
                new ServerConfig("127.0.0.1", 0, folder.resolve("race.db"), List.of())
                        .withIdentity(IdentityConfig.NONE));
        http = new Http(server.port());
    }

    @AfterEach
    void stop() throws InterruptedException {
        clients.shutdownNow();
        assertTrue(clients.awaitTermination(10, TimeUnit.SECONDS));
        server.stop();
    }

    /** Sends both PATCHes at once, each with {@code If-Match: tag}; the replies in the order given. */
    private List<Reply> race(String path, String tag, String first, String second) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<Reply>> replies = new ArrayList<>();
        for (String body : List.of(first, second)) {
            replies.add(clients.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                return http.send("PATCH", path, body, Map.of("If-Match", tag));
            }));
        }
        List<Reply> answered = new ArrayList<>();
        for (Future<Reply> reply : replies) {
            answered.add(reply.get(60, TimeUnit.SECONDS));
        }
        return answered;
    }

    @Test
    void ofTwoSimproPatchesOnOneTagExactlyOneIsApplied() throws Exception {
        assertEquals(201, http.post(PROFILES, "{\"Name\": \"Start\"}").status());
        for (int round = 0; round < ROUNDS; round++) {
            String tag = http.get(PROFILES + "1").header("ETag");
            List<Reply> replies = race(PROFILES + "1", tag, "{\"Name\": \"Left " + round + "\"}",
                    "{\"Name\": \"Right " + round + "\"}");
            List<Integer> statuses = replies.stream().map(Reply::status).sorted().toList();
            assertEquals(List.of(204, 412), statuses, "round " + round + ": " + replies);
            Reply winner = replies.get(0).status() == 204 ? replies.get(0) : replies.get(1);
            Reply loser = replies.get(0).status() == 204 ? replies.get(1) : replies.get(0);
            assertTrue(loser.body().startsWith("{\"errors\":[{\"path\":null,\"message\":\"Customer profile 1 has changed"),
                    loser.body());
            Reply stored = http.get(PROFILES + "1");
            assertEquals(winner.header("ETag"), stored.header("ETag"));
            assertEquals("\"1." + (round + 2) + "\"", stored.header("ETag"), "one change per round");
            String name = stored.json().get("Name").asText();
            assertTrue(name.equals("Left " + round) || name.equals("Right " + round), name);
        }
    }

    @Test
    void ofTwoIntacctPatchesOnOneTagExactlyOneIsApplied() throws Exception {
        assertEquals(201, http.post(TYPES, "{\"id\": \"Left\"}").status());
        assertEquals(201, http.post(TYPES, "{\"id\": \"Right\"}").status());
        assertEquals(201, http.post(TYPES, "{\"id\": \"Leaf\", \"parent\": {\"key\": \"1\"}}").status());
        for (int round = 0; round < ROUNDS; round++) {
            Reply read = http.get(TYPES + "3");
            String parent = read.json().at("/ia::result/parent/key").asText();
            String status = read.json().at("/ia::result/status").asText();
            String otherParent = parent.equals("1") ? "2" : "1";
            String otherStatus = status.equals("active") ? "inactive" : "active";
            List<Reply> replies = race(TYPES + "3", read.header("ETag"),
                    "{\"parent\": {\"key\": \"" + otherParent + "\"}}", "{\"status\": \"" + otherStatus + "\"}");
            List<Integer> statuses = replies.stream().map(Reply::status).sorted().toList();
            assertEquals(List.of(200, 412), statuses, "round " + round + ": " + replies);
            Reply loser = replies.get(0).status() == 200 ? replies.get(1) : replies.get(0);
            assertEquals("preconditionFailed", loser.json().at("/ia::result/ia::error/code").asText());
            Reply stored = http.get(TYPES + "3");
            boolean moved = !stored.json().at("/ia::result/parent/key").asText().equals(parent);
            boolean flipped = !stored.json().at("/ia::result/status").asText().equals(status);
            assertTrue(moved != flipped, "round " + round + ": exactly one change is stored");
            assertEquals("\"3." + (round + 2) + "\"", stored.header("ETag"));
        }
    }
}
