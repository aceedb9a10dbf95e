package io.customerclassification.bootstrap;

import io.customerclassification.adapter.http.LogText;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.NanoTime;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP/1.1 connections that watch each request head (request line and headers):
 * <ul>
 *   <li>it must be complete within a time limit once its first bytes have arrived, else the connection is closed.
 *       The idle timeout alone does not bound it: a client that sends one more header line every few seconds
 *       never goes idle, and a thousand such clients hold every connection;</li>
 *   <li>the path it names is kept, as far as it can be read, for a head Jetty refuses before it has a request —
 *       a request line too long (414) or one it cannot parse (400) — so that the refusal can still be answered in
 *       the format of the dialect that owns the path ({@link #requestedPath}).</li>
 * </ul>
 */
final class RequestHeads extends HttpConnectionFactory {

    private static final Logger LOG = LoggerFactory.getLogger(RequestHeads.class);
    /** Enough of a request line for the path that says which dialect owns it. */
    private static final int KEPT_LINE_BYTES = 256;

    private final Duration limit;

    RequestHeads(HttpConfiguration configuration, Duration limit) {
        super(configuration);
        this.limit = limit;
    }

    @Override
    public org.eclipse.jetty.io.Connection newConnection(Connector connector, EndPoint endPoint) {
        HttpConnection connection = new Watched(getHttpConfiguration(), connector, endPoint, connector.getScheduler(),
                limit);
        connection.setTransferEncodingChunkMaxLength(getTransferEncodingChunkMaxLength());
        return configure(connection, connector, endPoint);
    }

    /**
     * The path of {@code request} as far as its request line could be read: the parsed path when there is one,
     * else the leading path characters of the raw request line ({@code /api/v1.0/companies/} of
     * {@code GET /api/v1.0/companies/%ZZ}), else {@code ""}.
     */
    static String requestedPath(Request request) {
        String parsed = request.getHttpURI().getPath();
        if (parsed != null && !parsed.isEmpty() && !parsed.equals("/badMessage")) {
            return parsed;
        }
        return request.getConnectionMetaData().getConnection() instanceof Watched watched ? watched.lineStart() : "";
    }

    /**
     * A connection that notes when it is woken with bytes while no request head is in progress (the first bytes of
     * a head), and, when it has parsed what it read and the head is still incomplete, sets a deadline from then.
     * A head that arrives whole in one read — nearly every one — costs no timer.
     */
    private static final class Watched extends HttpConnection {

        private final Scheduler scheduler;
        private final Duration limit;
        private final AtomicReference<Scheduler.Task> deadline = new AtomicReference<>();
        /** When the head in progress began ({@link NanoTime}), or null between heads. */
        private final AtomicReference<Long> headBegan = new AtomicReference<>();

        Watched(HttpConfiguration configuration, Connector connector, EndPoint endPoint, Scheduler scheduler,
                Duration limit) {
            super(configuration, connector, endPoint);
            this.scheduler = scheduler;
            this.limit = limit;
        }

        @Override
        public void onFillable() {
            if (getParser().isStart()) {
                headBegan.compareAndSet(null, NanoTime.now());
            }
            super.onFillable();
            HttpParser parser = getParser();
            if (parser.isStart()) {
                headBegan.set(null); // woken without a new head, or its request is done
            } else if (parser.inHeaderState() && deadline.get() == null) {
                Long began = headBegan.get();
                long left = limit.toNanos() - (began == null ? 0 : NanoTime.since(began));
                Scheduler.Task task = scheduler.schedule(this::tooSlow, Math.max(0, left), TimeUnit.NANOSECONDS);
                if (!deadline.compareAndSet(null, task)) {
                    task.cancel();
                }
            }
        }

        private void tooSlow() {
            if (deadline.getAndSet(null) != null && getParser().inHeaderState()) {
                LOG.warn("closed a connection from {}: its request head took more than {} ms",
                        LogText.of(getEndPoint().getRemoteSocketAddress()), limit.toMillis());
                getEndPoint().close();
            }
        }

        private void headDone() {
            headBegan.set(null);
            Scheduler.Task task = deadline.getAndSet(null);
            if (task != null) {
                task.cancel();
            }
        }

        @Override
        public void onClose(Throwable cause) {
            headDone();
            super.onClose(cause);
        }

        String lineStart() {
            return ((LineKeepingParser) getParser()).path();
        }

        /** Called while the superclass is being built: it reads this connection's fields only when called. */
        @Override
        protected RequestHandler newRequestHandler() {
            return new RequestHandler() {
                @Override
                public boolean headerComplete() {
                    headDone();
                    return super.headerComplete();
                }

                @Override
                public void badMessage(HttpException failure) {
                    headDone();
                    super.badMessage(failure);
                }
            };
        }

        @Override
        protected HttpParser newHttpParser(HttpCompliance compliance) {
            HttpParser standard = super.newHttpParser(compliance);
            LineKeepingParser parser = new LineKeepingParser((HttpParser.RequestHandler) standard.getHandler(),
                    getHttpConfiguration().getRequestHeaderSize(), compliance);
            parser.setHeaderCacheSize(standard.getHeaderCacheSize());
            parser.setHeaderCacheCaseSensitive(standard.isHeaderCacheCaseSensitive());
            return parser;
        }
    }

    /** A request parser that keeps the first bytes of each request line it parses. */
    private static final class LineKeepingParser extends HttpParser {

        private final byte[] line = new byte[KEPT_LINE_BYTES];
        private volatile int kept;

        LineKeepingParser(RequestHandler handler, int maxHeaderBytes, HttpCompliance compliance) {
            super(handler, maxHeaderBytes, compliance);
        }

        /**
         * Keeps the bytes given while the request line is parsed: the parser consumes them all until the line ends
         * (and may clear the buffer when it refuses the line, so they are taken before it parses).
         */
        @Override
        public boolean parseNext(ByteBuffer buffer) {
            if (isStart()) {
                kept = 0;
            }
            if (getState().ordinal() < State.HEADER.ordinal() && kept < line.length) {
                int length = Math.min(buffer.remaining(), line.length - kept);
                buffer.duplicate().get(line, kept, length);
                kept += length;
            }
            return super.parseNext(buffer);
        }

        /** The leading path characters of the request line kept (letters, digits, {@code /._~-}), or "". */
        String path() {
            String text = new String(line, 0, kept, StandardCharsets.ISO_8859_1);
            int space = text.indexOf(' ');
            if (space < 0 || space + 1 >= text.length() || text.charAt(space + 1) != '/') {
                return "";
            }
            int end = space + 1;
            while (end < text.length() && isPathCharacter(text.charAt(end))) {
                end++;
            }
            return text.substring(space + 1, end);
        }

        private static boolean isPathCharacter(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "/._~-".indexOf(c) >= 0;
        }
    }
}
