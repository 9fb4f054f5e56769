package org.jasyncio.net;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.List;

import org.jasyncio.EventLoop;
import org.jasyncio.internal.AsyncFrame;
import org.jasyncio.internal.Await;
import org.jasyncio.internal.Throwing;

/**
 * The coroutine that opens a connected socket: resolves the host (off the loop, unless it is an IP
 * literal), then tries its addresses in turn until one accepts, as asyncio's
 * {@code create_connection} does; when none does, the first failure is thrown, with the others
 * suppressed. TCP sockets get {@code TCP_NODELAY}.
 *
 * <p>States: 0, not started; 1, resolving; 2, connecting to {@code addresses[next - 1]}.
 */
final class Connector extends AsyncFrame<SocketChannel> {

    private final EventLoop loop;
    private final String host;
    private final int port;
    private List<? extends SocketAddress> addresses;
    private int next;
    private int state;
    private SocketChannel channel;
    private IOException failure;

    private Connector(EventLoop loop, String host, int port, List<? extends SocketAddress> addresses) {
        this.loop = loop;
        this.host = host;
        this.port = port;
        this.addresses = addresses;
    }

    /** Connects to {@code host}:{@code port} over TCP. */
    static Connector tcp(EventLoop loop, String host, int port) {
        if (host == null) {
            throw new IllegalArgumentException("a connection needs a host: give one (\"localhost\" for this machine)");
        }
        return new Connector(loop, host, port, null);
    }

    /** Connects to the Unix domain socket at {@code address}. */
    static Connector unix(EventLoop loop, UnixDomainSocketAddress address) {
        return new Connector(loop, null, 0, List.of(address));
    }

    @Override
    @SuppressWarnings("unchecked")
    protected Object resume() {
        switch (state) {
            case 0 -> {
                if (addresses == null) {
                    Object resolved = Await.await(Resolver.resolve(loop, host, port), this);
                    if (resolved == Await.SUSPENDED) {
                        state = 1;
                        return resolved;
                    }
                    addresses = (List<InetSocketAddress>) resolved;
                }
                return tryNext();
            }
            case 1 -> {
                addresses = (List<InetSocketAddress>) Await.resumed(this);
                return tryNext();
            }
            default -> {
                try {
                    Await.resumed(this);
                } catch (Throwable t) {
                    record(t);
                    return tryNext();
                }
                return connected();
            }
        }
    }

    private Object tryNext() {
        while (next < addresses.size()) {
            SocketAddress address = addresses.get(next++);
            Object outcome;
            try {
                channel = SocketChannel.open(family(address));
                outcome = Await.await(SocketOps.connect(loop, channel, address), this);
            } catch (Throwable t) {
                record(t);
                continue;
            }
            if (outcome == Await.SUSPENDED) {
                state = 2;
                return outcome;
            }
            return connected();
        }
        throw Throwing.sneaky(failure);
    }

    /** Records an address's failure, to try the next one; anything but an {@code IOException} ends it. */
    private void record(Throwable t) {
        closeQuietly(t);
        if (!(t instanceof IOException e)) {
            throw Throwing.sneaky(t);
        }
        if (failure == null) {
            failure = e;
        } else {
            failure.addSuppressed(e);
        }
    }

    private Object connected() {
        try {
            if (!(channel.getRemoteAddress() instanceof UnixDomainSocketAddress)) {
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            }
        } catch (IOException e) {
            closeQuietly(e);
            throw Throwing.sneaky(e);
        }
        return channel;
    }

    private void closeQuietly(Throwable failure) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
        channel = null;
    }

    private static StandardProtocolFamily family(SocketAddress address) {
        if (address instanceof UnixDomainSocketAddress) {
            return StandardProtocolFamily.UNIX;
        }
        return ((InetSocketAddress) address).getAddress() instanceof Inet6Address
                ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
    }

    @Override
    public String toString() {
        return host == null ? "connect(" + addresses + ")" : "connect(" + host + ":" + port + ")";
    }
}
