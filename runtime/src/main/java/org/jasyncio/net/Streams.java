package org.jasyncio.net;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;
import java.util.Objects;

import org.jasyncio.Asyncio;
import org.jasyncio.Coroutine;
import org.jasyncio.EventLoop;
import org.jasyncio.internal.Completed;

/**
 * Stream connections, as asyncio's {@code open_connection} and {@code start_server}: a connection is
 * a {@link StreamReader} and a {@link StreamWriter}; a server runs a {@link ConnectionHandler} as a
 * task per connection.
 *
 * <p>Calling these runs nothing, as calling an {@code @Async} method does: the coroutine made (on any
 * thread, inside a loop or not) opens or listens on the loop that runs it, when it is awaited.
 *
 * <p>Thread rule: the coroutines run on the thread of the loop that awaits them.
 */
public final class Streams {

    private Streams() {
    }

    /**
     * A coroutine that connects to {@code host}:{@code port}.
     *
     * @throws IOException when awaited: {@link java.net.ConnectException} naming the address when
     *         refused, {@link java.net.UnknownHostException} for an unknown host
     */
    public static Coroutine<Connection> openConnection(String host, int port) throws IOException {
        return openConnection(host, port, StreamOptions.defaults());
    }

    /**
     * As {@link #openConnection(String, int)}, with {@code options}: with TLS, the handshake is done
     * (and the server's certificate checked against the host, unless switched off) when it finishes.
     *
     * @throws IOException when awaited, as above, or {@link javax.net.ssl.SSLHandshakeException}
     */
    public static Coroutine<Connection> openConnection(String host, int port, StreamOptions options)
            throws IOException {
        Objects.requireNonNull(options, "options");
        return onRunningLoop("openConnection(" + host + ":" + port + ")",
                loop -> open(loop, Connector.tcp(loop, host, port), options, options.clientTls(host)));
    }

    /** A coroutine that connects to the Unix domain socket at {@code path}. */
    public static Coroutine<Connection> openUnixConnection(Path path) throws IOException {
        Objects.requireNonNull(path, "path");
        return onRunningLoop("openUnixConnection(" + path + ")", loop -> open(loop,
                Connector.unix(loop, UnixDomainSocketAddress.of(path)), StreamOptions.defaults(), null));
    }

    /**
     * A coroutine that starts a server on {@code host}:{@code port} ({@code null}: every interface;
     * port 0: a free one, see {@link Server#addresses()}), accepting at once, that runs
     * {@code handler} as a task per connection.
     *
     * @throws IOException when awaited, if the address cannot be bound
     */
    public static Coroutine<Server> startServer(ConnectionHandler handler, String host, int port) throws IOException {
        return startServer(handler, host, port, StreamOptions.defaults());
    }

    /** As {@link #startServer(ConnectionHandler, String, int)}, with {@code options} (TLS, limits, backlog). */
    public static Coroutine<Server> startServer(ConnectionHandler handler, String host, int port,
            StreamOptions options) throws IOException {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(options, "options");
        return onRunningLoop("startServer(" + host + ":" + port + ")", loop -> LoopNet.listen(loop,
                () -> new StreamProtocol(loop, options, handler), host, port, options.backlog(), options.serverTls()));
    }

    /**
     * A coroutine that starts a server on a Unix domain socket at {@code path} (which must not exist),
     * removed when the server closes.
     *
     * @throws IOException when awaited, if the socket cannot be bound
     */
    public static Coroutine<Server> startUnixServer(ConnectionHandler handler, Path path) throws IOException {
        Objects.requireNonNull(handler, "handler");
        StreamOptions options = StreamOptions.defaults();
        UnixDomainSocketAddress address = UnixDomainSocketAddress.of(path);
        return onRunningLoop("startUnixServer(" + path + ")", loop -> new Completed<>(LoopNet.listenUnix(loop,
                () -> new StreamProtocol(loop, options, handler), address, options.backlog())));
    }

    /**
     * A coroutine named {@code name} that runs nothing until awaited, then awaits what {@code body}
     * makes with the loop running it: what every coroutine here does, as asyncio's do.
     */
    private static <T> Coroutine<T> onRunningLoop(String name, Then.Next<EventLoop> body) {
        return Then.deferred(name, ignored -> body.apply(Asyncio.getRunningLoop()));
    }

    private static Coroutine<Connection> open(EventLoop loop, Connector connector, StreamOptions options,
            TlsSettings tls) {
        StreamProtocol protocol = new StreamProtocol(loop, options, null);
        return Then.of(connector.toString(), LoopNet.connect(loop, () -> protocol, connector, tls),
                transport -> new Completed<>(new Connection(protocol.reader(), protocol.writer())));
    }
}
