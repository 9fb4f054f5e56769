package org.jasyncio.benchmarks.net;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;

/**
 * An echo server on the loopback address, one per alternative of the echo and idle-connection
 * benchmarks: every byte a connection receives is sent back on it.
 *
 * <p>Thread rule: {@link #port()}, {@link #connections()} and {@link #close()} may be called from
 * any thread; the server runs on its own thread(s).
 */
interface EchoServer extends AutoCloseable {

    /** The alternatives, by the names the benchmarks' command lines and tables use. */
    List<String> KINDS = List.of("jasyncio-streams", "jasyncio-protocol", "netty", "virtual-threads");

    /** The port it listens on, on 127.0.0.1. */
    int port();

    /** How many connections are open on the server's side now. */
    int connections();

    /**
     * Stops accepting, closes every connection and stops the server's threads, waiting for them.
     *
     * @throws InterruptedIOException if interrupted while waiting (the interrupt is kept)
     */
    @Override
    void close() throws IOException;

    /** What {@link #close()} throws when interrupted: the interrupt kept, the server named. */
    static InterruptedIOException interrupted(Object server, InterruptedException e) {
        Thread.currentThread().interrupt();
        InterruptedIOException interrupted = new InterruptedIOException(
                "interrupted while closing " + server + " and waiting for its threads");
        interrupted.initCause(e);
        return interrupted;
    }

    /**
     * Starts the server of alternative {@code kind}, one of {@link #KINDS}, on a free port.
     *
     * @throws IllegalArgumentException for another name
     */
    static EchoServer start(String kind) throws IOException, InterruptedException {
        switch (kind) {
            case "jasyncio-streams":
                return LoopThread.start(new StreamsEchoServer());
            case "jasyncio-protocol":
                return LoopThread.start(new ProtocolEchoServer());
            case "netty":
                return NettyEchoServer.start();
            case "virtual-threads":
                return VirtualThreadEchoServer.start();
            default:
                throw new IllegalArgumentException("no echo server named '" + kind + "'; the names are " + KINDS);
        }
    }
}
