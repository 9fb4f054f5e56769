package org.jasyncio.net;

import java.io.IOException;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.jasyncio.Coroutine;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;
import org.jasyncio.internal.IoSelector;

/**
 * The listening sockets that accept connections on their loop, as asyncio's {@code Server}: made
 * by {@code Streams.startServer}, {@code Streams.startUnixServer} or {@code EventLoop.createServer},
 * already accepting; one socket per address the host resolved to (every one, as asyncio binds
 * them: "localhost" may be 127.0.0.1 and ::1), or the one Unix socket. Each accepted connection gets its own transport and protocol (for a stream
 * server, its handler's task).
 *
 * <table>
 *   <caption>States</caption>
 *   <tr><th>state</th><th>{@link #isServing()}</th><th>{@link #waitClosed()}</th></tr>
 *   <tr><td>serving</td><td>true</td><td>waits</td></tr>
 *   <tr><td>closed, connections open</td><td>false</td><td>waits until they have all closed</td></tr>
 *   <tr><td>closed, no connection left</td><td>false</td><td>returns at once</td></tr>
 * </table>
 * {@link #close()} stops accepting and leaves open connections alone, as asyncio 3.12 does; a Unix
 * server removes its socket file. Closing the loop closes its servers too.
 *
 * <p>Thread rule: loop-thread only.
 */
public final class Server {

    /** Starts a transport on an accepted channel. */
    @FunctionalInterface
    interface Acceptor {
        void accepted(SocketChannel channel, Server server) throws IOException;
    }

    private final EventLoop loop;
    private final IoSelector io;
    private final List<ServerSocketChannel> listeners;
    private final Acceptor acceptor;
    private final int backlog;
    private final List<SocketAddress> addresses = new ArrayList<>();
    private final AutoCloseable closeWithLoop = this::closeListeners;
    private final List<Future<Void>> closedWaiters = new ArrayList<>();
    private boolean closed;
    private int connections;

    /** Starts accepting on {@code listeners} (at least one), which are bound already. */
    Server(EventLoop loop, List<ServerSocketChannel> listeners, Acceptor acceptor, int backlog) throws IOException {
        this.loop = loop;
        this.io = IoSelector.of(loop);
        this.listeners = List.copyOf(listeners);
        this.acceptor = acceptor;
        this.backlog = backlog;
        for (ServerSocketChannel listener : this.listeners) {
            addresses.add(listener.getLocalAddress());
        }
        io.track(closeWithLoop);
        for (ServerSocketChannel listener : this.listeners) {
            io.addReader(listener, () -> acceptReady(listener));
        }
    }

    /**
     * The addresses the server listens on, one per socket, with the port each was given: when 0 was
     * asked for, each socket has a free port of its own, as in asyncio.
     */
    public List<SocketAddress> addresses() {
        return List.copyOf(addresses);
    }

    /** Whether the server accepts connections: from its start until {@link #close()}. */
    public boolean isServing() {
        return !closed;
    }

    /**
     * Stops accepting and closes the listening sockets (a Unix server removes its socket file);
     * connections already accepted go on. Idempotent.
     */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (ServerSocketChannel listener : listeners) {
            io.removeReader(listener);
        }
        io.untrack(closeWithLoop);
        try {
            closeListeners();
        } catch (IOException e) {
            Failures.report(loop, "cannot close " + this, e);
        }
        wakeIfClosed();
    }

    /**
     * A coroutine that finishes once the server is closed and every connection it accepted has
     * closed, as asyncio 3.12's {@code wait_closed}.
     */
    public Coroutine<Void> waitClosed() throws IOException {
        return Poll.of("waitClosed(" + this + ")", () -> {
            if (closed && connections == 0) {
                return null;
            }
            Future<Void> waiter = loop.createFuture();
            closedWaiters.add(waiter);
            return waiter;
        });
    }

    /**
     * A coroutine that serves until it is cancelled, as asyncio's {@code serve_forever}: cancelling
     * the task that awaits it closes the server.
     *
     * @throws IllegalStateException when awaited, if the server is closed
     */
    public Coroutine<Void> serveForever() throws IOException {
        Future<Void> forever = loop.createFuture();
        return Poll.withCleanup("serveForever(" + this + ")", () -> {
            if (closed) {
                throw new IllegalStateException("serveForever on " + this + ", which is closed");
            }
            return forever;
        }, this::close);
    }

    /** One more connection accepted (or made by the transport it belongs to). */
    void attach() {
        connections++;
    }

    /** One connection less: its transport is closed. */
    void detach() {
        connections--;
        wakeIfClosed();
    }

    private void acceptReady(ServerSocketChannel listener) {
        for (int i = 0; i < backlog && !closed; i++) {
            SocketChannel channel;
            try {
                channel = listener.accept();
                if (channel == null) {
                    return;
                }
            } catch (IOException e) {
                // Out of descriptors, say: the listener stays, and is tried again when it is next ready.
                Failures.report(loop, "cannot accept a connection on " + this, e);
                return;
            }
            try {
                channel.configureBlocking(false);
                if (!(addresses.get(0) instanceof UnixDomainSocketAddress)) {
                    channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                }
                acceptor.accepted(channel, this);
            } catch (IOException | RuntimeException e) {
                Failures.report(loop, "cannot start a connection accepted by " + this, e);
                try {
                    channel.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
        }
    }

    private void wakeIfClosed() {
        if (!closed || connections > 0) {
            return;
        }
        for (Future<Void> waiter : closedWaiters) {
            if (!waiter.isDone()) {
                waiter.setResult(null);
            }
        }
        closedWaiters.clear();
    }

    /** Closes every listening socket, even when one fails to close; the first failure is thrown. */
    private void closeListeners() throws IOException {
        IOException failure = null;
        for (ServerSocketChannel listener : listeners) {
            try {
                listener.close();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (addresses.get(0) instanceof UnixDomainSocketAddress unix) {
            Files.deleteIfExists(unix.getPath());
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String toString() {
        String where = addresses.size() == 1 ? addresses.get(0).toString() : addresses.toString();
        return "Server[" + where + (closed ? ", closed" : "") + "]";
    }
}
