package io.customerclassification.bootstrap;

import io.customerclassification.adapter.http.LogText;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.NanoTime;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives the whole body of a request before the request goes on to take its turn among those handled at once,
 * holding no thread while the body arrives: a client that sends its body slowly then holds a connection, not one of
 * the few request slots. The body must keep up a minimum data rate after a grace period — byte {@code n} is due
 * {@code grace + n / rate} after the head — else the request is answered 408 and its connection closed. A body over
 * the size limit is read on and dropped, up to a larger bound, so that the client can read the 413 it is answered.
 */
final class BodyFirst extends Handler.Wrapper {

    private static final Logger LOG = LoggerFactory.getLogger(BodyFirst.class);

    private final int maxBytes;
    private final long maxDiscardedBytes;
    private final long graceNanos;
    private final int minBytesPerSecond;

    /**
     * @param maxBytes larger bodies are answered 413
     * @param maxDiscardedBytes how much of a body over {@code maxBytes} is read and dropped before the 413, so that
     *     the connection stays usable; beyond, the 413 is sent at once and the connection closed
     */
    BodyFirst(Handler handler, int maxBytes, long maxDiscardedBytes, Duration grace, int minBytesPerSecond) {
        super(handler);
        this.maxBytes = maxBytes;
        this.maxDiscardedBytes = maxDiscardedBytes;
        this.graceNanos = grace.toNanos();
        this.minBytesPerSecond = minBytesPerSecond;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        HttpFields headers = request.getHeaders();
        if (headers.getLongField(HttpHeader.CONTENT_LENGTH) <= 0 && !headers.contains(HttpHeader.TRANSFER_ENCODING)) {
            return super.handle(request, response, callback); // HTTP/1.1: no length and no coding is no body
        }
        new Receiving(request, response, callback).read(false);
        return true;
    }

    /** One body on its way: collected as it arrives, its next byte due by a deadline. */
    private final class Receiving implements Invocable.Task {

        private final Request request;
        private final Response response;
        private final Callback callback;
        private final long start = NanoTime.now();
        private final AtomicBoolean done = new AtomicBoolean();
        private byte[] body = new byte[1024];
        private int kept;
        private long received;
        private volatile Scheduler.Task due;

        Receiving(Request request, Response response, Callback callback) {
            this.request = request;
            this.response = response;
            this.callback = callback;
        }

        @Override
        public InvocationType getInvocationType() {
            return InvocationType.NON_BLOCKING;
        }

        /** More of the body has arrived (or its end, or a failure). */
        @Override
        public void run() {
            read(true);
        }

        /** @param woken whether a demand callback runs this, which must not go on to handle the request itself */
        void read(boolean woken) {
            while (!done.get()) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    waitForMore();
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    if (finish()) {
                        Response.writeError(request, response, callback, chunk.getFailure());
                    }
                    return;
                }
                keep(chunk.getByteBuffer());
                chunk.release();
                if (chunk.isLast() || received > maxDiscardedBytes) {
                    if (finish()) {
                        if (received > maxBytes) {
                            Response.writeError(request, response, callback, 413);
                        } else if (woken) {
                            request.getContext().execute(this::handOn);
                        } else {
                            handOn();
                        }
                    }
                    return;
                }
            }
        }

        private void keep(ByteBuffer bytes) {
            int length = bytes.remaining();
            received += length;
            if (received > maxBytes) {
                body = null; // over the limit: the rest is counted and dropped
                return;
            }
            if (kept + length > body.length) {
                body = Arrays.copyOf(body, Math.max(kept + length, Math.min(maxBytes, 2 * body.length)));
            }
            bytes.get(body, kept, length);
            kept += length;
        }

        /**
         * Asks for more once the deadline of the next byte is set; a body that has fallen behind the minimum rate
         * is refused at once.
         */
        private void waitForMore() {
            long dueIn = start + graceNanos + (received + 1) * TimeUnit.SECONDS.toNanos(1) / minBytesPerSecond
                    - NanoTime.now();
            if (dueIn <= 0) {
                tooSlow();
                return;
            }
            if (due != null) {
                due.cancel();
            }
            due = request.getComponents().getScheduler().schedule(this::tooSlow, dueIn, TimeUnit.NANOSECONDS);
            request.demand(this);
        }

        private void tooSlow() {
            if (finish()) {
                LOG.warn("{} {}: the body arrived too slowly ({} bytes in {} ms), answered 408", request.getMethod(),
                        LogText.of(request.getHttpURI().getPath()), received, NanoTime.millisSince(start));
                Response.writeError(request, response, callback, 408);
            }
        }

        /** Whether this call ends the receiving (exactly one does: the body's end, a failure or the deadline). */
        private boolean finish() {
            if (!done.compareAndSet(false, true)) {
                return false;
            }
            if (due != null) {
                due.cancel();
            }
            return true;
        }

        private void handOn() {
            Request whole = new Received(request, ByteBuffer.wrap(body, 0, kept));
            try {
                if (!getHandler().handle(whole, response, callback)) {
                    Response.writeError(whole, response, callback, 404);
                }
            } catch (Throwable failure) {
                Response.writeError(whole, response, callback, failure);
            }
        }
    }

    /** The request with its body already received: one last chunk, then the end. */
    private static final class Received extends Request.Wrapper {

        private Content.Chunk body;

        Received(Request request, ByteBuffer body) {
            super(request);
            this.body = Content.Chunk.from(body, true);
        }

        @Override
        public Content.Chunk read() {
            Content.Chunk chunk = body;
            body = Content.Chunk.EOF;
            return chunk;
        }

        @Override
        public void demand(Runnable demandCallback) {
            demandCallback.run();
        }

        @Override
        public boolean consumeAvailable() {
            body = Content.Chunk.EOF;
            return true;
        }
    }
}
