package org.jasyncio.benchmarks.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jasyncio.benchmarks.VirtualThreadWorkloads;

/**
 * The echo server written with blocking sockets on virtual threads: one virtual thread accepts, one
 * per connection reads into a buffer of the message size (1 KiB) and writes back what it read.
 * Needs JDK {@value VirtualThreadWorkloads#FIRST_JDK} or newer.
 *
 * <p>Thread rule: this class's methods may be called from any thread.
 */
final class VirtualThreadEchoServer implements EchoServer {

    /** The listen backlog, the same as jasyncio's default. */
    private static final int LISTEN_BACKLOG = 100;
    private static final int BUFFER_SIZE = 1024;

    private final ServerSocket listener;
    private final ExecutorService threads = VirtualThreadWorkloads.newExecutor();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicInteger open = new AtomicInteger();

    private VirtualThreadEchoServer(ServerSocket listener) {
        this.listener = listener;
    }

    /** Starts the server on 127.0.0.1, on a free port. */
    static VirtualThreadEchoServer start() throws IOException {
        ServerSocket listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), LISTEN_BACKLOG);
        VirtualThreadEchoServer server = new VirtualThreadEchoServer(listener);
        server.threads.execute(server::accept);
        return server;
    }

    private void accept() {
        while (true) {
            Socket socket;
            try {
                socket = listener.accept();
                socket.setTcpNoDelay(true);
            } catch (IOException closed) {
                return;
            }
            sockets.add(socket);
            open.incrementAndGet();
            threads.execute(() -> echo(socket));
        }
    }

    private void echo(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            byte[] buffer = new byte[BUFFER_SIZE];
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
            }
        } catch (IOException closedOrReset) {
            // the connection is over either way
        } finally {
            sockets.remove(socket);
            open.decrementAndGet();
        }
    }

    @Override
    public int port() {
        return listener.getLocalPort();
    }

    @Override
    public int connections() {
        return open.get();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
        threads.shutdown();
        boolean ended;
        try {
            ended = threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            throw EchoServer.interrupted(this, e);
        }
        if (!ended) {
            throw new IOException("the echo server's virtual threads did not end within 5 s of closing their sockets");
        }
    }
}
