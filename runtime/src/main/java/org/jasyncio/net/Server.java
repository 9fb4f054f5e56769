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
 * A listening socket that accepts connections on its loop, as asyncio's {@code Server}: made by
 * {@code Streams.startServer}, {@code Streams.startUnixServer} or {@code EventLoop.createServer},
 * already accepting. Each accepted connection gets its own transport and protocol (for a stream
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
    private final ServerSocketChannel listener;
    private final Acceptor acceptor;
    private final int backlog;
    private final SocketAddress address;
    private final AutoCloseable closeWithLoop = this::closeListener;
    private final List<Future<Void>> closedWaiters = new ArrayList<>();
    private boolean closed;
    private int connections;

    /** Starts accepting on {@code listener}, which is bound already. */
    Server(EventLoop loop, ServerSocketChannel listener, Acceptor acceptor, int backlog) throws IOException {
        this.loop = loop;
        this.io = IoSelector.of(loop);
        this.listener = listener;
        this.acceptor = acceptor;
        this.backlog = backlog;
        this.address = listener.getLocalAddress();
        io.track(closeWithLoop);
        io.addReader(listener, this::acceptReady);
    }

    /** The addresses the server listens on (one per socket; the port chosen when 0 was asked for). */
    public List<SocketAddress> addresses() {
        return List.of(address);
    }

    /** Whether the server accepts connections: from its start until {@link #close()}. */
    public boolean isServing() {
        return !closed;
    }

    /**
     * Stops accepting and closes the listening socket (a Unix server removes its socket file);
     * connections already accepted go on. Idempotent.
     */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        io.removeReader(listener);
        io.untrack(closeWithLoop);
        try {
            closeListener();
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

    private void acceptReady() {
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
                if (!(address instanceof UnixDomainSocketAddress)) {
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

    private void closeListener() throws IOException {
        try {
            listener.close();
        } finally {
            if (address instanceof UnixDomainSocketAddress unix) {
                Files.deleteIfExists(unix.getPath());
            }
        }
    }

    @Override
    public String toString() {
        return "Server[" + address + (closed ? ", closed" : "") + "]";
    }
}
