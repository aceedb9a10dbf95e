package io.customerclassification.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.TestCase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What HttpApi does for every dialect: errors outside routes, in the owner's format, and usable connections. */
class HttpApiTest {

    /** A dialect that owns {@code /echo}, answers errors as {@code echo <status>} and reads bodies on request. */
    private static final class EchoDialect implements HttpDialect {

        @Override
        public void register(RoutesConfig routes) {
            routes.post("/echo/read", ctx -> ctx.result("read " + ctx.body().length()));
            routes.post("/echo/refuse", ctx -> {
                throw new HttpResponseException(404, "refused before reading the body");
            });
            routes.get("/echo/ping", ctx -> ctx.result("pong"));
        }

        @Override
        public boolean owns(String path) {
            return path.startsWith("/echo/");
        }

        @Override
        public void refuse(Context ctx, int status, String message) {
            ctx.status(status).contentType("application/json").result("{\"echo\":" + status + "}");
        }

        @Override
        public void renderException(Exception exception, Context ctx) {
            int status = exception instanceof HttpResponseException http ? http.getStatus() : 500;
            ctx.status(status).contentType("application/json").result("{\"echo\":" + status + "}");
        }

        @Override
        public void renderNotFound(Context ctx) {
            ctx.status(404).contentType("application/json").result("{\"echo\":404}");
        }

        @Override
        public String refusalBody(int status, String reason) {
            return "{\"echo\":" + status + ",\"reason\":\"" + reason + "\"}";
        }
    }

    private final HttpApi api = new HttpApi(List.of(new EchoDialect()));

    private void run(TestCase test) {
        JavalinTest.test(Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.prefer405over404 = true;
            api.configure(config);
        }), test);
    }

    @Test
    void aCharsetTheJvmDoesNotKnowIs415InTheOwnersFormatNotAServerError() {
        run((server, client) -> {
            HttpResponse<String> reply = send(client.getOrigin(), HttpRequest.newBuilder(
                    URI.create(client.getOrigin() + "/echo/read")).POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .header("Content-Type", "application/json; charset=no-such-charset"));
            assertEquals(415, reply.statusCode());
            assertEquals("{\"echo\":415}", reply.body());
        });
    }

    @Test
    void aMethodNoRouteServesIs405InTheOwnersFormat() {
        run((server, client) -> {
            HttpResponse<String> reply = send(client.getOrigin(), HttpRequest.newBuilder(
                    URI.create(client.getOrigin() + "/echo/ping")).method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
            assertEquals(405, reply.statusCode());
            assertEquals("{\"echo\":405}", reply.body());
        });
    }

    /**
     * Javalin answers its own refusals in a format chosen by {@code Accept} (JSON problem details for
     * {@code application/json}, HTML or plain text otherwise); none of them may reach a client.
     */
    @ParameterizedTest
    @ValueSource(strings = {"", "application/json", "*/*", "text/html", "text/html, application/json;q=0.9"})
    void javalinsOwnRefusalsAreTheOwnersWhateverTheAcceptHeader(String accept) {
        run((server, client) -> {
            String origin = client.getOrigin();
            assertAnswer(send(origin, withAccept(HttpRequest.newBuilder(URI.create(origin + "/echo/nothing")), accept)),
                    404, "{\"echo\":404}");
            assertAnswer(send(origin, withAccept(HttpRequest.newBuilder(URI.create(origin + "/echo/ping"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()), accept)), 405, "{\"echo\":405}");
            assertAnswer(send(origin, withAccept(HttpRequest.newBuilder(URI.create(origin + "/echo/read"))
                    .POST(HttpRequest.BodyPublishers.ofString("x".repeat((int) HttpApi.MAX_REQUEST_BYTES + 1))),
                    accept)), 413, "{\"echo\":413}");
            assertAnswer(send(origin, withAccept(HttpRequest.newBuilder(URI.create(origin + "/nothing")), accept)),
                    404, "{\"error\":\"Not found\"}");
            assertAnswer(send(origin, withAccept(HttpRequest.newBuilder(URI.create(origin + "/")), accept)),
                    404, "{\"error\":\"Not found\"}");
        });
    }

    private static HttpRequest.Builder withAccept(HttpRequest.Builder request, String accept) {
        return accept.isEmpty() ? request : request.header("Accept", accept);
    }

    private static void assertAnswer(HttpResponse<String> reply, int status, String body) {
        assertEquals(status, reply.statusCode(), reply::body);
        assertEquals(body, reply.body());
        assertEquals("application/json", reply.headers().firstValue("Content-Type").orElse("").split(";")[0]);
    }

    @Test
    void aBrokenChunkedBodyIs400InTheOwnersFormatNotAServerError() {
        run((server, client) -> {
            String answer = exchange(client.getOrigin(), "POST /echo/read HTTP/1.1\r\nHost: test\r\n"
                    + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
            assertTrue(answer.endsWith("{\"echo\":400}"), answer);
        });
    }

    @Test
    void aBodyNoHandlerReadIsDrainedSoTheConnectionServesTheNextRequest() {
        run((server, client) -> {
            URI origin = URI.create(client.getOrigin());
            try (Socket socket = new Socket(origin.getHost(), origin.getPort())) {
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /echo/refuse HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n5\r\n[1,2,\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(200); // the handler answers before the rest of the body has arrived
                out.write("2\r\n3]\r\n0\r\n\r\nGET /echo/ping HTTP/1.1\r\nHost: test\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String answers = readUntil(socket.getInputStream(), "pong");
                assertTrue(answers.startsWith("HTTP/1.1 404 "), answers);
                assertTrue(answers.contains("{\"echo\":404}") && answers.endsWith("pong"),
                        "the connection was closed after the refusal: " + answers);
            }
        });
    }

    @Test
    void refusalsOutsideRoutesGoToTheOwningDialectElseGetTheNeutralBody() {
        assertEquals("{\"echo\":503,\"reason\":\"busy\"}", api.refusalBody("/echo/read", 503, "busy", "id"));
        assertEquals("{\"error\":\"busy \\\"now\\\"\"}", api.refusalBody("/elsewhere", 503, "busy \"now\"", "id"));
    }

    private static HttpResponse<String> send(String origin, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(request.timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String exchange(String origin, String request) throws IOException {
        URI uri = URI.create(origin);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return readUntil(socket.getInputStream(), "}");
        }
    }

    /** Reads until the text read so far ends with {@code end}, or the server closes the connection. */
    private static String readUntil(InputStream in, String end) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        for (int b; !read.toString(StandardCharsets.UTF_8).endsWith(end) && (b = in.read()) >= 0; ) {
            read.write(b);
        }
        return read.toString(StandardCharsets.UTF_8);
    }
}
