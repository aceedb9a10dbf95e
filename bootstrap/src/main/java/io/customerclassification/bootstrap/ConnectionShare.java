package io.customerclassification.bootstrap;

import io.customerclassification.adapter.http.LogText;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SocketChannel;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import org.eclipse.jetty.io.SelectorManager;
import org.eclipse.jetty.util.IO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At most so many open connections per client address: a connection past its address's share is closed as soon as
 * it is accepted, so that one client — a slowloris holding its connections open — cannot take the connections every
 * other client needs. Behind a load balancer every client has the balancer's address: give it a share as large as
 * the connection limit.
 */
final class ConnectionShare implements SelectorManager.AcceptListener {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionShare.class);
    /** At most one warning per address and this many refusals, so that a flood does not flood the log too. */
    private static final int WARN_EVERY = 1_000;

    private final int perAddress;
    private final Map<InetAddress, Integer> open = new HashMap<>();
    private final Map<SelectableChannel, InetAddress> addresses = new IdentityHashMap<>();
    private long refused;

    ConnectionShare(int perAddress) {
        this.perAddress = perAddress;
    }

    @Override
    public void onAccepting(SelectableChannel channel) {
        InetAddress address = address(channel);
        if (address == null) {
            return;
        }
        boolean admitted;
        synchronized (this) {
            int count = open.getOrDefault(address, 0);
            admitted = count < perAddress;
            if (admitted) {
                open.put(address, count + 1);
                addresses.put(channel, address);
            } else if (refused++ % WARN_EVERY == 0) {
                LOG.warn("closed a connection from {}: it has {} open, its share; {} refused so far",
                        LogText.of(address.getHostAddress()), count, refused);
            }
        }
        if (!admitted) {
            IO.close(channel);
        }
    }

    @Override
    public void onAcceptFailed(SelectableChannel channel, Throwable cause) {
        release(channel);
    }

    @Override
    public void onClosed(SelectableChannel channel) {
        release(channel);
    }

    private synchronized void release(SelectableChannel channel) {
        InetAddress address = addresses.remove(channel);
        if (address != null) {
            open.computeIfPresent(address, (key, count) -> count == 1 ? null : count - 1);
        }
    }

    private static InetAddress address(SelectableChannel channel) {
        try {
            return channel instanceof SocketChannel socket
                    && socket.getRemoteAddress() instanceof InetSocketAddress remote ? remote.getAddress() : null;
        } catch (IOException e) {
            return null; // closed already
        }
    }
}
