package org.jasyncio.benchmarks.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.jasyncio.Coroutine;
import org.jasyncio.EventLoop;
import org.jasyncio.annotation.Async;
import org.jasyncio.net.Server;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;

/**
 * A jasyncio echo server on an event loop of its own, run on a platform thread of its own: the
 * thread starts the server, then runs the loop until {@link #close()}.
 *
 * <p>Thread rule: the {@link Serving} runs on the loop's thread; this class's methods may be
 * called from any thread.
 */
final class LoopThread implements EchoServer {

    /** What the loop serves: a coroutine that starts a server, counting its open connections. */
    interface Serving {
        /**
         * A coroutine that starts the server on {@code loop}, on 127.0.0.1 and a free port, and
         * counts its open connections in {@code open}.
         */
        Coroutine<Server> start(EventLoop loop, AtomicInteger open) throws IOException;
    }

    private final AtomicInteger open = new AtomicInteger();
    private final CompletableFuture<EventLoop> running = new CompletableFuture<>();
    private final Thread thread;
    private volatile int port;

    private LoopThread(Serving serving) {
        thread = new Thread(() -> serve(serving), "echo-loop");
    }

    /** Starts {@code serving} on a new loop thread and returns once it accepts connections. */
    static LoopThread start(Serving serving) throws IOException, InterruptedException {
        LoopThread server = new LoopThread(serving);
        server.thread.start();
        try {
            server.running.get();
        } catch (ExecutionException e) {
            throw new IOException("the echo server did not start", e.getCause());
        }
        return server;
    }

    private void serve(Serving serving) {
        EventLoop loop = new EventLoop();
        try {
            Server server = loop.runUntilComplete(startOnLoop(serving, loop));
            port = ((InetSocketAddress) server.addresses().get(0)).getPort();
            running.complete(loop);
            loop.runForever();
        } catch (IOException e) {
            running.completeExceptionally(new UncheckedIOException(e));
        } catch (RuntimeException | Error e) {
            running.completeExceptionally(e);
            throw e;
        } finally {
            loop.close();
        }
    }

    /** Starts the server from a task, as {@code Streams.startServer} wants a running loop when called. */
    @Async
    private Coroutine<Server> startOnLoop(Serving serving, EventLoop loop) throws IOException {
        return completed(await(serving.start(loop, open)));
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public int connections() {
        return open.get();
    }

    /** Stops the loop; closing it then closes the server and its connections. */
    @Override
    public void close() throws IOException {
        EventLoop loop = running.join();
        loop.callSoonThreadsafe(loop::stop);
        try {
            thread.join();
        } catch (InterruptedException e) {
            throw EchoServer.interrupted(this, e);
        }
    }
}
