package io.customerclassification.bootstrap.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One request on its own connection ({@code Connection: close}), read to the end: tells a request refused at
 * connect from one that was answered in full, and both from one that was cut off. A pooled client cannot tell
 * them apart when the server stops under it.
 */
final class OneShot {

    /** How one request ended. */
    enum Kind {
        /** Nothing listened: the request never reached the server. */
        REFUSED,
        /** A status line, headers and the whole body. */
        ANSWERED,
        /** The connection opened and then broke before a complete answer. */
        BROKEN
    }

    record Outcome(Kind kind, int status, String headers, String body, String failure) {}

    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^content-length:\\s*(\\d+)\\s*$");

    private OneShot() {}

    static Outcome post(int port, String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        } catch (ConnectException e) {
            return new Outcome(Kind.REFUSED, 0, "", "", e.toString());
        } catch (IOException e) {
            return new Outcome(Kind.BROKEN, 0, "", "", "connect: " + e);
        }
        try (socket) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            return new Outcome(Kind.BROKEN, 0, "", "", e.toString());
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        in.transferTo(read);
        return read.toString(StandardCharsets.UTF_8);
    }

    private static Outcome parse(String response) {
        int end = response.indexOf("\r\n\r\n");
        if (!response.startsWith("HTTP/1.1 ") || end < 0) {
            return new Outcome(Kind.BROKEN, 0, "", "", "incomplete answer: '" + response + "'");
        }
        String headers = response.substring(0, end);
        String body = response.substring(end + 4);
        Matcher length = CONTENT_LENGTH.matcher(headers);
        if (length.find() && body.getBytes(StandardCharsets.UTF_8).length != Integer.parseInt(length.group(1))) {
            return new Outcome(Kind.BROKEN, 0, headers, body, "body cut short: " + response);
        }
        return new Outcome(Kind.ANSWERED, Integer.parseInt(headers.substring(9, 12)), headers, body, null);
    }
}
