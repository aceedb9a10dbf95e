package io.customerclassification.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Sage Intacct Python SDK's first request, byte for byte as python-requests sends it on a keep-alive connection:
 * its constructor posts the client credentials and {@code username} form-encoded to {@code {base}/ia/api/v1/oauth2/token}
 * and reads {@code access_token}, {@code refresh_token} and {@code expires_in}; then, on the same connection, the
 * token drives a create / get / query / delete round trip, as the SDK's {@code customer_type} calls do.
 */
class IntacctSdkTokenTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OBJECT = "/ia/api/v1/objects/accounts-receivable/customer-type";

    private static IdentityServer server;
    private static String secret;

    /** An answer as read off the wire (body decompressed when the server compressed it). */
    record Answer(int status, Map<String, String> headers, String body) {

        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + body;
        }
    }

    @BeforeAll
    static void start() {
        server = IdentityServer.start("--company", "1=Sandbox");
        secret = server.createClient("intacct-sdk", "[{\"company\": \"*\", \"resource\": \"customer-type\","
                + " \"permissions\": [\"list\", \"view\", \"add\", \"edit\", \"delete\"]}]");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theSdksTokenRequestThenACreateGetQueryDeleteRoundTrip() throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.server().port())) {
            socket.setSoTimeout((int) Http.TIMEOUT.toMillis());
            String form = "grant_type=client_credentials&client_id=intacct-sdk&client_secret="
                    + URLEncoder.encode(secret, StandardCharsets.UTF_8) + "&username="
                    + URLEncoder.encode("sdk-user@1", StandardCharsets.UTF_8);
            Answer token = exchange(socket, "POST", "/ia/api/v1/oauth2/token", null,
                    "application/x-www-form-urlencoded", form);
            assertEquals(200, token.status(), token::toString);
            assertEquals("no-store", token.headers().get("cache-control"));
            JsonNode tokens = token.json();
            String accessToken = tokens.get("access_token").asText();
            assertEquals("Bearer", tokens.get("token_type").asText());
            assertEquals(3600, tokens.get("expires_in").asInt());
            assertTrue(tokens.get("refresh_token").asText().length() > 40, tokens::toString);

            Answer created = exchange(socket, "POST", OBJECT, accessToken, "application/json",
                    "{\"id\": \"Distributor\", \"status\": \"active\"}");
            assertEquals(201, created.status(), created::toString);
            String key = created.json().get("ia::result").get("key").asText();

            Answer read = exchange(socket, "GET", OBJECT + "/" + key, accessToken, null, null);
            assertEquals(200, read.status(), read::toString);
            JsonNode type = read.json().get("ia::result");
            assertEquals("Distributor", type.get("id").asText());
            assertEquals("1", type.get("entity").get("key").asText(), "the company the username named");
            assertEquals("sdk-user", type.get("audit").get("createdBy").asText());

            Answer query = exchange(socket, "POST", "/ia/api/v1/services/core/query", accessToken, "application/json",
                    "{\"object\": \"accounts-receivable/customer-type\", \"fields\": [\"key\", \"id\"],"
                            + " \"filters\": [{\"$eq\": {\"id\": \"Distributor\"}}]}");
            assertEquals(200, query.status(), query::toString);
            assertEquals("[{\"key\":\"" + key + "\",\"id\":\"Distributor\"}]",
                    query.json().get("ia::result").toString());

            Answer deleted = exchange(socket, "DELETE", OBJECT + "/" + key, accessToken, null, null);
            assertEquals(204, deleted.status(), deleted::toString);
            assertEquals(404, exchange(socket, "GET", OBJECT + "/" + key, accessToken, null, null).status());
        }
    }

    /** One request on the open connection, with the headers python-requests 2.32 sends, and its answer. */
    private static Answer exchange(Socket socket, String method, String path, String bearer, String contentType,
            String body) throws IOException {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(socket.getPort()).append("\r\n")
                .append("User-Agent: python-requests/2.32.3\r\n")
                .append("Accept-Encoding: gzip, deflate\r\n")
                .append("Accept: */*\r\n")
                .append("Connection: keep-alive\r\n");
        if (bearer != null) {
            head.append("Authorization: Bearer ").append(bearer).append("\r\n");
        }
        if (body != null || !method.equals("GET")) {
            head.append("Content-Length: ").append(content.length).append("\r\n");
        }
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        head.append("\r\n");
        OutputStream out = socket.getOutputStream();
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(content);
        out.flush();
        return read(socket.getInputStream(), method);
    }

    private static Answer read(InputStream in, String method) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream chunks = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line(in).split(";")[0].strip(), 16); size > 0;
                    size = Integer.parseInt(line(in).split(";")[0].strip(), 16)) {
                chunks.write(in.readNBytes(size));
                line(in);
            }
            line(in);
            body = chunks.toByteArray();
        } else if (headers.containsKey("content-length") && !method.equals("HEAD")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else {
            body = new byte[0];
        }
        if ("gzip".equalsIgnoreCase(headers.get("content-encoding"))) {
            try (GZIPInputStream gunzip = new GZIPInputStream(new ByteArrayInputStream(body))) {
                body = gunzip.readAllBytes();
            }
        }
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the connection closed mid-answer");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
