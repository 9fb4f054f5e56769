package org.jasyncio.net;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.Asyncio.createTask;
import static org.jasyncio.Asyncio.getRunningLoop;
import static org.jasyncio.Asyncio.sleep;
import static org.jasyncio.net.StreamsTest.bytes;
import static org.jasyncio.net.StreamsTest.port;
import static org.jasyncio.net.StreamsTest.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CancellationException;

import org.jasyncio.Asyncio;
import org.jasyncio.Coroutine;
import org.jasyncio.Future;
import org.jasyncio.Task;
import org.jasyncio.annotation.Async;
import org.jasyncio.internal.IoSelector;
import org.junit.jupiter.api.Test;

/** Flow control both ways, and tasks cancelled while they wait on a stream. */
class StreamFlowTest {

    private static final int CHUNK = 16 * 1024;
    private static final int TOTAL = 4 * 1024 * 1024;

    private int largestBuffer;
    private int blockedDrains;
    private int largestReaderBuffer;

    /** Writes TOTAL bytes, draining after each chunk, recording the transport's largest buffer. */
    @Async
    Coroutine<Void> writeAll(StreamReader reader, StreamWriter writer) throws IOException {
        for (int written = 0; written < TOTAL; written += CHUNK) {
            writer.write(new byte[CHUNK]);
            largestBuffer = Math.max(largestBuffer, writer.transport().writeBufferSize());
            if (writer.transport().writeBufferSize() > 64 * 1024) {
                blockedDrains++;
            }
            await(writer.drain());
        }
        writer.close();
        return completed();
    }

    @Async
    Coroutine<Integer> slowReader() throws IOException {
        Server server = await(Streams.startServer(this::writeAll, "127.0.0.1", 0));
        Connection connection = await(Streams.openConnection("127.0.0.1", port(server)));
        await(sleep(50));
        int total = 0;
        for (byte[] chunk; (chunk = await(connection.reader().read(100_000))).length > 0; ) {
            total += chunk.length;
        }
        server.close();
        return completed(total);
    }

    @Test
    void slowReader_drainBlocksTheWriter_andItsBufferStaysBelowHighWaterPlusOneWrite() throws Exception {
        assertEquals(TOTAL, Asyncio.run(slowReader()));
        assertTrue(blockedDrains > 0, "drain never had to wait");
        assertTrue(largestBuffer <= 64 * 1024 + CHUNK, "the write buffer grew to " + largestBuffer);
    }

    /** Never reads until told to, then counts everything. */
    @Async
    Coroutine<Void> readLater(StreamReader reader, StreamWriter writer) throws IOException {
        await(sleep(100));
        largestReaderBuffer = reader.buffered();
        byte[] all = await(reader.read(-1));
        writer.write(bytes(Integer.toString(all.length)));
        writer.close();
        return completed();
    }

    @Async
    Coroutine<String> flood(StreamOptions serverOptions) throws IOException {
        Server server = await(Streams.startServer(this::readLater, "127.0.0.1", 0, serverOptions));
        Connection connection = await(Streams.openConnection("127.0.0.1", port(server)));
        for (int written = 0; written < TOTAL; written += CHUNK) {
            connection.writer().write(new byte[CHUNK]);
            await(connection.writer().drain());
        }
        connection.writer().writeEof();
        String count = text(await(connection.reader().read(-1)));
        server.close();
        return completed(count);
    }

    @Test
    void floodingPeer_isPausedAboveTwiceTheLimit() throws Exception {
        int limit = 16 * 1024;
        assertEquals(Integer.toString(TOTAL), Asyncio.run(flood(StreamOptions.defaults().withLimit(limit))));
        assertTrue(largestReaderBuffer > 2 * limit, "reading paused too early: " + largestReaderBuffer);
        assertTrue(largestReaderBuffer <= 2 * limit + IoSelector.READ_BUFFER_SIZE,
                "the reader holds " + largestReaderBuffer + " bytes, past twice its limit and one read");
    }

    @Async
    static Coroutine<Void> silent(StreamReader reader, StreamWriter writer) throws IOException {
        await(reader.read(-1));
        writer.close();
        return completed();
    }

    @Async
    Coroutine<Void> cancelBlockedRead() throws IOException {
        Server server = await(Streams.startServer(StreamFlowTest::silent, "127.0.0.1", 0));
        Connection connection = await(Streams.openConnection("127.0.0.1", port(server)));
        SocketChannel channel = (SocketChannel) connection.writer().transport().channel();
        Task<byte[]> read = createTask(connection.reader().readLine());
        await(sleep(10));
        read.cancel();
        try {
            await(read);
        } catch (CancellationException expected) {
            // as it should
        }
        IoSelector io = IoSelector.of(getRunningLoop());
        assertEquals(SelectionKey.OP_READ, io.interestOps(channel), "only the transport's own reader is left");
        connection.writer().writeEof();
        assertEquals(0, await(connection.reader().readLine()).length, "a new read may wait after the cancelled one");
        server.close();
        return completed();
    }

    @Test
    void cancellingABlockedRead_letsTheNextReadWait() throws Exception {
        Asyncio.run(cancelBlockedRead());
    }

    @Async
    Coroutine<Void> cancelBlockedDrain() throws IOException {
        Future<Void> never = getRunningLoop().createFuture();
        Server server = await(Streams.startServer((reader, writer) -> awaitForever(never),
                "127.0.0.1", 0));
        Connection connection = await(Streams.openConnection("127.0.0.1", port(server)));
        Task<Void> writing = createTask(writeUntilBlocked(connection.writer()));
        await(sleep(50));
        assertTrue(!writing.isDone(), "drain should block against a peer that never reads");
        writing.cancel();
        try {
            await(writing);
        } catch (CancellationException expected) {
            // as it should
        }
        assertTrue(writing.isCancelled());
        connection.writer().transport().abort();
        never.setResult(null);
        server.close();
        return completed();
    }

    @Async
    static Coroutine<Void> awaitForever(Future<Void> never) {
        await(never);
        return completed();
    }

    @Async
    static Coroutine<Void> writeUntilBlocked(StreamWriter writer) throws IOException {
        while (true) {
            writer.write(new byte[CHUNK]);
            await(writer.drain());
        }
    }

    @Test
    void cancellingABlockedDrain_cancelsTheTask() throws Exception {
        Asyncio.run(cancelBlockedDrain());
    }
}
