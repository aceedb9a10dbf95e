package io.customerclassification.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.customerclassification.adapter.jdbi.session.Session;
import io.customerclassification.adapter.jdbi.sqlite.SqliteDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link JettyHandlers.SharedReads} over a real Jetty server and a real store: an authenticated GET's reads share one
 * pooled connection, and it goes back to the pool before the answer is written, so a client that reads its answer
 * slowly never holds a database connection.
 */
class SharedReadsHandlerTest {

    @TempDir
    Path folder;

    private SqliteDatabase database;
    private Server server;
    /** The pool's connections in use: after two reads, and once the answer's first write began. */
    private final List<Integer> active = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        database = SqliteDatabase.open(folder.resolve("shared.db"));
        Session session = database.stores().session();
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        JettyHandlers.SharedReads shared = new JettyHandlers.SharedReads();
        shared.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                session.read(jdbc -> jdbc.first("SELECT 1", row -> row.getInt(1)));
                session.read(jdbc -> jdbc.first("SELECT 2", row -> row.getInt(1)));
                active.add(database.poolState().active());
                Response.Wrapper observed = new Response.Wrapper(request, response) {
                    @Override
                    public void write(boolean last, ByteBuffer content, Callback written) {
                        super.write(last, content, written);
                        active.add(database.poolState().active());
                    }
                };
                observed.write(true, ByteBuffer.wrap("read".getBytes(StandardCharsets.UTF_8)), callback);
                return true;
            }
        });
        server.setHandler(shared);
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
        database.close();
    }

    @Test
    void anAuthenticatedGetSharesOneConnectionAndGivesItBackBeforeItsAnswerIsWritten() throws Exception {
        HttpResponse<String> reply = get("Bearer some-token");
        assertEquals(200, reply.statusCode());
        assertEquals(List.of(1, 0), active, "connections in use after the reads, then once the answer was written");
    }

    @Test
    void aGetWithoutCredentialsTakesAConnectionPerReadAndHoldsNone() throws Exception {
        get(null);
        assertEquals(List.of(0, 0), active);
    }

    private HttpResponse<String> get(String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + "/anything"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
