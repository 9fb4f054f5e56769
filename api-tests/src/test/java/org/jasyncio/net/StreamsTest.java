package org.jasyncio.net;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.Asyncio.createTask;
import static org.jasyncio.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jasyncio.Asyncio;
import org.jasyncio.Coroutine;
import org.jasyncio.Task;
import org.jasyncio.annotation.Async;
import org.jasyncio.testing.Events;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stream connections as users write them: echo, addresses, errors, half-close and closing a server. */
class StreamsTest {

    private final Events events = new Events();

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static int port(Server server) {
        return ((InetSocketAddress) server.addresses().get(0)).getPort();
    }

    /** Echoes lines until the end of the stream, then closes. */
    @Async
    static Coroutine<Void> echo(StreamReader reader, StreamWriter writer) throws IOException {
        for (byte[] line; (line = await(reader.readLine())).length > 0; ) {
            writer.write(line);
            await(writer.drain());
        }
        writer.close();
        await(writer.waitClosed());
        return completed();
    }

    @Async
    Coroutine<String> echoOnce(String host) throws IOException {
        Server server = await(Streams.startServer(StreamsTest::echo, host, 0));
        Connection connection = await(Streams.openConnection(host, port(server)));
        connection.writer().write(bytes("hello\nworld\n"));
        String first = text(await(connection.reader().readLine()));
        String second = text(await(connection.reader().readLine()));
        connection.writer().close();
        await(connection.writer().waitClosed());
        server.close();
        await(server.waitClosed());
        return completed(first + second);
    }

    /** Sends {@code line} over the connection {@code connecting} makes to {@code server}; the echo, both closed. */
    @Async
    static Coroutine<String> echoLine(Server server, Coroutine<Connection> connecting, String line) throws IOException {
        Connection connection = await(connecting);
        connection.writer().write(bytes(line));
        String echoed = text(await(connection.reader().readLine()));
        connection.writer().close();
        server.close();
        await(server.waitClosed());
        return completed(echoed);
    }

    @Async
    static Coroutine<String> echoThrough(Coroutine<Server> starting) throws IOException {
        Server server = await(starting);
        return echoLine(server, Streams.openConnection("127.0.0.1", port(server)), "made before the loop\n");
    }

    @Test
    void coroutinesMadeOutsideALoop_runOnTheLoopThatAwaitsThem() throws Exception {
        // As with asyncio's start_server and open_connection: calling makes a coroutine and runs nothing.
        Coroutine<Server> starting = Streams.startServer(StreamsTest::echo, "127.0.0.1", 0);
        Coroutine<Connection> refused = Streams.openConnection("127.0.0.1", 1);
        Coroutine<Connection> unix = Streams.openUnixConnection(Path.of("no-such-socket"));

        assertEquals("made before the loop\n", Asyncio.run(echoThrough(starting)));
        assertThrows(ConnectException.class, () -> Asyncio.run(refused));
        assertThrows(IOException.class, () -> Asyncio.run(unix));
    }

    @Test
    void echo_overLoopbackByName() throws Exception {
        assertEquals("hello\nworld\n", Asyncio.run(echoOnce("localhost")));
    }

    @Test
    void echo_overIpv6Loopback() throws Exception {
        try (ServerSocketChannel probe = ServerSocketChannel.open()) {
            probe.bind(new InetSocketAddress(InetAddress.getByName("::1"), 0));
        } catch (IOException | UnsupportedOperationException e) {
            Assumptions.abort("IPv6 loopback unavailable here: " + e);
        }
        assertEquals("hello\nworld\n", Asyncio.run(echoOnce("::1")));
    }

    @Async
    Coroutine<String> unixEcho(Path path) throws IOException {
        Server server = await(Streams.startUnixServer(StreamsTest::echo, path));
        assertTrue(Files.exists(path));
        return echoLine(server, Streams.openUnixConnection(path), "over unix\n");
    }

    @Test
    void echo_overUnixSocket_andTheFileIsRemovedOnClose(@TempDir Path dir) throws Exception {
        Path path = dir.resolve("echo.sock");
        assertEquals("over unix\n", Asyncio.run(unixEcho(path)));
        assertFalse(Files.exists(path));
    }

    @Async
    Coroutine<Void> connectTo(int port) throws IOException {
        await(Streams.openConnection("127.0.0.1", port));
        return completed();
    }

    @Test
    void refusedConnection_namesTheAddress() throws Exception {
        int port;
        try (ServerSocketChannel unused = ServerSocketChannel.open()) {
            unused.bind(new InetSocketAddress("127.0.0.1", 0));
            port = ((InetSocketAddress) unused.getLocalAddress()).getPort();
        }
        ConnectException e = assertThrows(ConnectException.class, () -> Asyncio.run(connectTo(port)));
        assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
    }

    /** Reads until the peer half-closes, then answers with what it counted, and closes. */
    @Async
    static Coroutine<Void> countThenAnswer(StreamReader reader, StreamWriter writer) throws IOException {
        byte[] all = await(reader.read(-1));
        assertTrue(reader.atEof());
        writer.write(bytes("got " + all.length + "\n"));
        await(writer.drain());
        writer.close();
        return completed();
    }

    @Async
    Coroutine<String> halfClose() throws IOException {
        Server server = await(Streams.startServer(StreamsTest::countThenAnswer, "127.0.0.1", 0));
        Connection connection = await(Streams.openConnection("127.0.0.1", port(server)));
        connection.writer().write(new byte[100_000]);
        connection.writer().writeEof();
        assertThrows(IllegalStateException.class, () -> connection.writer().write(bytes("late")));
        String answer = text(await(connection.reader().readLine()));
        assertEquals(0, await(connection.reader().read(10)).length);
        server.close();
        await(server.waitClosed());
        return completed(answer);
    }

    @Test
    void writeEof_halfCloses_andTheOtherWayStillCarriesData() throws Exception {
        assertEquals("got 100000\n", Asyncio.run(halfClose()));
    }

    /** Resets the connection: SO_LINGER 0, then closes at once. */
    @Async
    static Coroutine<Void> reset(StreamReader reader, StreamWriter writer) throws IOException {
        await(reader.readLine());
        writer.transport().channel().setOption(StandardSocketOptions.SO_LINGER, 0);
        writer.transport().abort();
        return completed();
    }

    @Async
    Coroutine<Void> readFromResetPeer() throws IOException {
        Server server = await(Streams.startServer(StreamsTest::reset, "127.0.0.1", 0));
        Connection connection = await(Streams.openConnection("127.0.0.1", port(server)));
        connection.writer().write(bytes("reset me\n"));
        try {
            await(connection.reader().read(100));
            events.add("read returned");
        } catch (SocketException e) {
            events.add("reset");
        }
        try {
            await(connection.writer().drain());
        } catch (SocketException e) {
            events.add("drain reset");
        }
        server.close();
        return completed();
    }

    @Test
    void resetMidStream_isSocketExceptionAtTheRead() throws Exception {
        Asyncio.run(readFromResetPeer());
        events.assertOrder("reset", "drain reset");
    }

    @Async
    static Coroutine<Void> answerAfterALine(StreamReader reader, StreamWriter writer) throws IOException {
        byte[] line = await(reader.readLine());
        writer.write(line);
        writer.close();
        return completed();
    }

    @Async
    Coroutine<Void> closeWithConnectionInFlight() throws IOException {
        Server server = await(Streams.startServer(StreamsTest::answerAfterALine, "127.0.0.1", 0));
        Connection connection = await(Streams.openConnection("127.0.0.1", port(server)));
        await(sleep(10));
        server.close();
        assertFalse(server.isServing());
        Task<Void> closed = createTask(waitClosed(server));
        await(sleep(20));
        events.add(closed.isDone() ? "closed too soon" : "still open");
        connection.writer().write(bytes("last\n"));
        await(closed);
        events.add(text(await(connection.reader().readLine())).trim());
        try {
            await(connectTo(port(server)));
            events.add("connected to a closed server");
        } catch (ConnectException e) {
            events.add("refused");
        }
        return completed();
    }

    @Async
    Coroutine<Void> waitClosed(Server server) throws IOException {
        await(server.waitClosed());
        events.add("server closed");
        return completed();
    }

    @Test
    void closedServer_waitsForItsConnections() throws Exception {
        Asyncio.run(closeWithConnectionInFlight());
        events.assertOrder("still open", "server closed", "last", "refused");
    }

    @Async
    Coroutine<byte[]> readExactlyPastEnd() throws IOException {
        Server server = await(Streams.startServer(StreamsTest::answerAfterALine, "127.0.0.1", 0));
        Connection connection = await(Streams.openConnection("127.0.0.1", port(server)));
        connection.writer().write(bytes("abc\n"));
        try {
            await(connection.reader().readExactly(10));
            return completed(null);
        } catch (IncompleteReadException e) {
            assertEquals(10, e.expected());
            return completed(e.partial());
        } finally {
            server.close();
        }
    }

    @Test
    void readExactly_pastTheEnd_givesWhatWasRead() throws Exception {
        assertArrayEquals(bytes("abc\n"), Asyncio.run(readExactlyPastEnd()));
    }
}
