package org.jasyncio.net;

import java.io.IOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import org.jasyncio.Coroutine;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;
import org.jasyncio.internal.Completed;
import org.jasyncio.internal.Net;

/**
 * What {@code EventLoop}'s networking methods run, and what {@link Streams} builds on: connecting a
 * protocol, serving one, and the {@code sock*} operations. Installed into {@link Net} when this class
 * is initialised.
 */
final class LoopNet implements Net {

    /** asyncio's default listen backlog. */
    static final int DEFAULT_BACKLOG = 100;

    static {
        Net.install(new LoopNet());
    }

    private LoopNet() {
    }

    /** A coroutine that connects with {@code connector} and runs a protocol made by {@code factory} on it. */
    static Coroutine<Transport> connect(EventLoop loop, Supplier<? extends Protocol> factory, Connector connector,
            TlsSettings tls) {
        Objects.requireNonNull(factory, "factory");
        return Then.of(connector.toString(), connector, (SocketChannel channel) -> {
            Future<Transport> made = loop.createFuture();
            try {
                start(loop, channel, newProtocol(factory), null, made, tls);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            return made;
        });
    }

    /**
     * A coroutine that binds a server to every address of {@code host} at {@code port} ({@code null}
     * host: every interface); the name is looked up when the coroutine runs.
     */
    static Coroutine<Server> listen(EventLoop loop, Supplier<? extends Protocol> factory, String host, int port,
            int backlog, TlsSettings tls) {
        Objects.requireNonNull(factory, "factory");
        String name = "startServer(" + host + ":" + port + ")";
        return Then.deferred(name, ignored -> Then.of(name, Resolver.resolve(loop, host, port),
                (List<InetSocketAddress> addresses) -> new Completed<>(bind(loop, factory, addresses, backlog, tls))));
    }

    /** A server on the Unix domain socket {@code address}, bound at once. */
    static Server listenUnix(EventLoop loop, Supplier<? extends Protocol> factory, UnixDomainSocketAddress address,
            int backlog) throws IOException {
        return bind(loop, factory, List.of(address), backlog, null);
    }

    /**
     * A server listening on each of {@code addresses} (duplicates once). As asyncio does, an address
     * this machine does not have (::1 with IPv6 turned off, say) is skipped, unless it is the only one
     * or all are such; any other failure to bind fails the whole server.
     */
    static Server bind(EventLoop loop, Supplier<? extends Protocol> factory, List<? extends SocketAddress> addresses,
            int backlog, TlsSettings tls) throws IOException {
        List<ServerSocketChannel> listeners = new ArrayList<>();
        try {
            BindException unavailable = null;
            for (SocketAddress address : new LinkedHashSet<>(addresses)) {
                try {
                    listeners.add(openListener(address, backlog));
                } catch (BindException e) {
                    if (!isUnavailableAddress(e)) {
                        throw e;
                    }
                    if (unavailable == null) {
                        unavailable = e;
                    } else {
                        unavailable.addSuppressed(e);
                    }
                }
            }
            if (listeners.isEmpty()) {
                throw Objects.requireNonNull(unavailable, "no address to listen on");
            }
            return new Server(loop, listeners, (channel, server) ->
                    start(loop, channel, newProtocol(factory), server, null, tls), backlog);
        } catch (IOException | RuntimeException e) {
            for (ServerSocketChannel listener : listeners) {
                try {
                    listener.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    /** Whether binding failed because the address is not one of this machine's (EADDRNOTAVAIL). */
    private static boolean isUnavailableAddress(BindException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        return String.valueOf(cause.getMessage()).contains("Cannot assign requested address");
    }

    /** A listening socket bound to {@code address}. */
    private static ServerSocketChannel openListener(SocketAddress address, int backlog) throws IOException {
        ServerSocketChannel listener = address instanceof UnixDomainSocketAddress
                ? ServerSocketChannel.open(StandardProtocolFamily.UNIX)
                : ((InetSocketAddress) address).getAddress() instanceof Inet6Address
                        ? ServerSocketChannel.open(StandardProtocolFamily.INET6)
                        : ServerSocketChannel.open();
        try {
            if (!(address instanceof UnixDomainSocketAddress)) {
                listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            }
            listener.bind(address, backlog);
            return listener;
        } catch (IOException | RuntimeException e) {
            listener.close();
            if (e instanceof IOException io) {
                throw withAddress(io, address);
            }
            throw e;
        }
    }

    /** Starts a transport for {@code protocol} on a connected channel, under TLS when {@code tls} says so. */
    private static void start(EventLoop loop, SocketChannel channel, Protocol protocol, Server server,
            Future<Transport> made, TlsSettings tls) throws IOException {
        if (tls == null) {
            new SocketTransport(loop, channel, protocol, server, made);
        } else {
            TlsLayer layer = new TlsLayer(loop, tls.newEngine(channel.getRemoteAddress()), protocol, made);
            new SocketTransport(loop, channel, layer, server, null);
        }
    }

    private static Protocol newProtocol(Supplier<? extends Protocol> factory) {
        return Objects.requireNonNull(factory.get(), "the protocol factory returned null");
    }

    private static IOException withAddress(IOException e, SocketAddress address) {
        String message = "cannot listen on " + address + ": " + e.getMessage();
        if (e instanceof BindException) {
            BindException named = new BindException(message);
            named.initCause(e);
            return named;
        }
        return new IOException(message, e);
    }

    @Override
    public Coroutine<Transport> createConnection(EventLoop loop, Supplier<? extends Protocol> factory, String host,
            int port) {
        return connect(loop, factory, Connector.tcp(loop, host, port), null);
    }

    @Override
    public Coroutine<Server> createServer(EventLoop loop, Supplier<? extends Protocol> factory, String host, int port) {
        return listen(loop, factory, host, port, DEFAULT_BACKLOG, null);
    }

    @Override
    public Coroutine<DatagramTransport> createDatagramEndpoint(EventLoop loop,
            Supplier<? extends DatagramProtocol> factory, InetSocketAddress local, InetSocketAddress remote) {
        return DatagramEndpoint.open(loop, factory, local, remote);
    }

    @Override
    public Coroutine<Void> sockConnect(EventLoop loop, SocketChannel channel, SocketAddress address) throws IOException {
        return SocketOps.connect(loop, channel, address);
    }

    @Override
    public Coroutine<SocketChannel> sockAccept(EventLoop loop, ServerSocketChannel channel) throws IOException {
        return SocketOps.accept(loop, channel);
    }

    @Override
    public Coroutine<Integer> sockRecv(EventLoop loop, SocketChannel channel, ByteBuffer buffer) throws IOException {
        return SocketOps.recv(loop, channel, buffer);
    }

    @Override
    public Coroutine<Void> sockSendAll(EventLoop loop, SocketChannel channel, ByteBuffer buffer) throws IOException {
        return SocketOps.sendAll(loop, channel, buffer);
    }
}
