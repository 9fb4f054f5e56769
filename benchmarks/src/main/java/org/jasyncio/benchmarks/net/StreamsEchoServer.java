package org.jasyncio.benchmarks.net;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import org.jasyncio.Coroutine;
import org.jasyncio.EventLoop;
import org.jasyncio.annotation.Async;
import org.jasyncio.net.Server;
import org.jasyncio.net.StreamReader;
import org.jasyncio.net.StreamWriter;
import org.jasyncio.net.Streams;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;

/**
 * The echo server written with jasyncio's streams, as asyncio's documentation writes one: a task
 * per connection reads what has arrived, writes it back and drains. Loop-thread only.
 */
final class StreamsEchoServer implements LoopThread.Serving {

    /** The most a read takes at once: the reader's default limit. */
    private static final int READ_AT_MOST = 64 * 1024;

    private AtomicInteger open;

    @Override
    public Coroutine<Server> start(EventLoop loop, AtomicInteger counter) throws IOException {
        open = counter;
        return Streams.startServer(this::echo, "127.0.0.1", 0);
    }

    @Async
    private Coroutine<Void> echo(StreamReader reader, StreamWriter writer) throws IOException {
        open.incrementAndGet();
        try {
            byte[] data;
            while ((data = await(reader.read(READ_AT_MOST))).length > 0) {
                writer.write(data);
                await(writer.drain());
            }
        } finally {
            open.decrementAndGet();
            writer.close();
        }
        return completed();
    }
}
