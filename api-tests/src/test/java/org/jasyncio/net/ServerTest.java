package org.jasyncio.net;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.Asyncio.createTask;
import static org.jasyncio.Asyncio.sleep;
import static org.jasyncio.net.StreamsTest.bytes;
import static org.jasyncio.net.StreamsTest.port;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jasyncio.Asyncio;
import org.jasyncio.Coroutine;
import org.jasyncio.Task;
import org.jasyncio.annotation.Async;
import org.jasyncio.testing.Events;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A server's life: serving forever until cancelled, and handlers that fail. */
class ServerTest {

    private static final IOException FAILURE = new IOException("the handler gave up");

    private final Events events = new Events();
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Logger logger = Logger.getLogger("org.jasyncio");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLogs() {
        logger.addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        logger.removeHandler(capture);
    }

    @Async
    Coroutine<Void> serveUntilCancelled() throws IOException {
        Server server = await(Streams.startServer(StreamsTest::echo, "127.0.0.1", 0));
        Task<Void> serving = createTask(server.serveForever());
        await(sleep(10));
        events.add("serving " + server.isServing());
        serving.cancel();
        try {
            await(serving);
        } catch (CancellationException e) {
            events.add("cancelled");
        }
        events.add("serving " + server.isServing());
        await(server.waitClosed());
        return completed();
    }

    @Test
    void cancellingServeForever_closesTheServer() throws Exception {
        Asyncio.run(serveUntilCancelled());
        events.assertOrder("serving true", "cancelled", "serving false");
    }

    /** Starts an echo server on "localhost", and sends a line through each of its addresses. */
    @Async
    Coroutine<List<SocketAddress>> echoOnEveryAddressOfLocalhost() throws IOException {
        Server server = await(Streams.startServer(StreamsTest::echo, "localhost", 0));
        for (SocketAddress address : server.addresses()) {
            InetSocketAddress inet = (InetSocketAddress) address;
            Connection connection = await(Streams.openConnection(inet.getAddress().getHostAddress(), inet.getPort()));
            connection.writer().write(bytes("via " + inet.getAddress().getHostAddress() + "\n"));
            events.add(StreamsTest.text(await(connection.reader().readLine())).trim());
            connection.writer().close();
        }
        server.close();
        return completed(server.addresses());
    }

    @Test
    void serverOnAName_listensOnEveryAddressTheNameHas() throws Exception {
        Set<InetAddress> localhost = new LinkedHashSet<>(List.of(InetAddress.getAllByName("localhost")));

        List<SocketAddress> addresses = Asyncio.run(echoOnEveryAddressOfLocalhost());

        Set<InetAddress> bound = new LinkedHashSet<>();
        for (SocketAddress address : addresses) {
            bound.add(((InetSocketAddress) address).getAddress());
        }
        assertEquals(localhost, bound);
        List<String> expected = new ArrayList<>();
        for (InetAddress address : localhost) {
            expected.add("via " + address.getHostAddress());
        }
        events.assertOrder(expected.toArray(new String[0]));
    }

    @Async
    static Coroutine<Void> failAfterALine(StreamReader reader, StreamWriter writer) throws IOException {
        await(reader.readLine());
        throw FAILURE;
    }

    static Coroutine<Void> failAtOnce(StreamReader reader, StreamWriter writer) throws IOException {
        throw FAILURE;
    }

    @Async
    Coroutine<Integer> talkTo(ConnectionHandler handler) throws IOException {
        Server server = await(Streams.startServer(handler, "127.0.0.1", 0));
        Connection connection = await(Streams.openConnection("127.0.0.1", port(server)));
        connection.writer().write(bytes("anything\n"));
        byte[] rest = await(connection.reader().read(-1));
        assertTrue(connection.reader().atEof());
        server.close();
        await(server.waitClosed());
        return completed(rest.length);
    }

    @Test
    void failingHandler_hasItsConnectionClosed_andItsExceptionReported() throws Exception {
        assertEquals(0, Asyncio.run(talkTo(ServerTest::failAfterALine)));
        assertTrue(logged.stream().anyMatch(record -> record.getThrown() == FAILURE), "not reported: " + logged);
    }

    @Test
    void handlerThatThrowsBeforeItsCoroutine_hasItsConnectionClosed_andItsExceptionReported() throws Exception {
        assertEquals(0, Asyncio.run(talkTo(ServerTest::failAtOnce)));
        assertTrue(logged.stream().anyMatch(record -> record.getThrown() == FAILURE), "not reported: " + logged);
    }

    /** Throws from dataReceived: the transport is aborted with that exception. */
    final class Clumsy implements Protocol {
        final org.jasyncio.Future<Exception> lost = Asyncio.getRunningLoop().createFuture();

        @Override
        public void dataReceived(java.nio.ByteBuffer data) {
            throw new IllegalStateException("clumsy");
        }

        @Override
        public void connectionLost(Exception exception) {
            lost.setResult(exception);
        }
    }

    @Async
    Coroutine<Exception> clumsyProtocol() throws IOException {
        Clumsy clumsy = new Clumsy();
        Server server = await(Asyncio.getRunningLoop().createServer(() -> clumsy, "127.0.0.1", 0));
        Connection connection = await(Streams.openConnection("127.0.0.1", port(server)));
        connection.writer().write(bytes("boom"));
        Exception lost = await(clumsy.lost);
        assertFalse(server.addresses().isEmpty());
        server.close();
        return completed(lost);
    }

    @Test
    void protocolThatThrows_isAbortedWithItsException() throws Exception {
        Exception lost = Asyncio.run(clumsyProtocol());
        assertEquals("clumsy", lost.getMessage());
        assertSame(lost, logged.stream().map(LogRecord::getThrown).filter(t -> t == lost).findFirst().orElse(null));
    }
}
