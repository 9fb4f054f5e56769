package org.jasyncio.net;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.Asyncio.getRunningLoop;
import static org.jasyncio.Asyncio.sleep;
import static org.jasyncio.net.StreamsTest.bytes;
import static org.jasyncio.net.StreamsTest.port;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.jasyncio.Asyncio;
import org.jasyncio.Coroutine;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;
import org.jasyncio.annotation.Async;
import org.jasyncio.testing.Events;
import org.junit.jupiter.api.Test;

/** Protocols and transports as users write them: callbacks in order, flow control, UDP. */
class ProtocolsTest {

    private final Events server = new Events();
    private final Events client = new Events();

    /** Echoes what it receives; on the peer's EOF, keeps the connection open, writes "bye" and closes. */
    final class EchoProtocol implements Protocol {
        private Transport transport;

        @Override
        public void connectionMade(Transport made) {
            transport = made;
            server.add("server made");
        }

        @Override
        public void dataReceived(ByteBuffer data) {
            transport.write(data);
        }

        @Override
        public boolean eofReceived() {
            server.add("server eof");
            transport.write(ByteBuffer.wrap(bytes("bye")));
            transport.close();
            return true;
        }

        @Override
        public void connectionLost(Exception exception) {
            server.add("server lost " + exception);
        }
    }

    /** Collects what it receives; completes {@code done} when the connection is lost. */
    final class Collector implements Protocol {
        final StringBuilder received = new StringBuilder();
        final Future<Void> done = getRunningLoop().createFuture();

        @Override
        public void connectionMade(Transport transport) {
            client.add("client made");
        }

        @Override
        public void dataReceived(ByteBuffer data) {
            received.append(StandardCharsets.UTF_8.decode(data));
        }

        @Override
        public boolean eofReceived() {
            client.add("client eof");
            return false;
        }

        @Override
        public void connectionLost(Exception exception) {
            client.add("client lost " + exception);
            done.setResult(null);
        }
    }

    @Async
    Coroutine<String> echo() throws IOException {
        EventLoop loop = getRunningLoop();
        Server echoes = await(loop.createServer(EchoProtocol::new, "127.0.0.1", 0));
        Collector collector = new Collector();
        Transport transport = await(loop.createConnection(() -> collector, "127.0.0.1", port(echoes)));
        assertEquals(Boolean.TRUE, transport.channel().getOption(StandardSocketOptions.TCP_NODELAY));
        assertEquals(port(echoes), ((InetSocketAddress) transport.remoteAddress()).getPort());
        ByteBuffer data = ByteBuffer.wrap(bytes("ping "));
        transport.write(data);
        assertEquals(0, data.remaining());
        transport.writeEof();
        assertThrows(IllegalStateException.class, () -> transport.write(ByteBuffer.wrap(bytes("late"))));
        await(collector.done);
        assertTrue(transport.isClosing());
        echoes.close();
        await(echoes.waitClosed());
        return completed(collector.received.toString());
    }

    @Test
    void echo_callsTheProtocolsInOrder_andEndsCleanly() throws Exception {
        assertEquals("ping bye", Asyncio.run(echo()));
        server.assertOrder("server made", "server eof", "server lost null");
        client.assertOrder("client made", "client eof", "client lost null");
    }

    /** Writes {@code total} bytes in chunks while writing is not paused, recording the largest buffer. */
    final class Flooder implements Protocol {
        final int total;
        final int chunk;
        int written;
        int largestBuffer;
        int pauses;
        Transport transport;
        boolean paused;

        Flooder(int total, int chunk) {
            this.total = total;
            this.chunk = chunk;
        }

        @Override
        public void connectionMade(Transport made) {
            transport = made;
            writeSome();
        }

        void writeSome() {
            while (!paused && written < total) {
                transport.write(ByteBuffer.allocate(chunk));
                written += chunk;
                largestBuffer = Math.max(largestBuffer, transport.writeBufferSize());
            }
            if (written >= total) {
                transport.close();
            }
        }

        @Override
        public void pauseWriting() {
            paused = true;
            pauses++;
        }

        @Override
        public void resumeWriting() {
            paused = false;
            writeSome();
        }
    }

    /** Counts bytes, pausing reading for a while at first: a slow reader. */
    final class SlowCounter implements Protocol {
        long count;
        final Future<Void> done = getRunningLoop().createFuture();

        @Override
        public void connectionMade(Transport transport) {
            transport.pauseReading();
            getRunningLoop().callLater(java.time.Duration.ofMillis(50), transport::resumeReading);
        }

        @Override
        public void dataReceived(ByteBuffer data) {
            count += data.remaining();
        }

        @Override
        public void connectionLost(Exception exception) {
            done.setResult(null);
        }
    }

    @Async
    Coroutine<Void> flood() throws IOException {
        EventLoop loop = getRunningLoop();
        int total = 8 * 1024 * 1024;
        int chunk = 16 * 1024;
        Flooder[] flooder = new Flooder[1];
        Server flooding = await(loop.createServer(() -> flooder[0] = new Flooder(total, chunk), "127.0.0.1", 0));
        SlowCounter counter = new SlowCounter();
        await(loop.createConnection(() -> counter, "127.0.0.1", port(flooding)));
        await(counter.done);
        assertEquals(total, counter.count);
        assertTrue(flooder[0].pauses > 0, "writing was never paused");
        assertTrue(flooder[0].largestBuffer <= 64 * 1024 + chunk,
                "buffer grew to " + flooder[0].largestBuffer);
        flooding.close();
        return completed();
    }

    @Test
    void slowReader_pausesTheWriter_andTheBufferStaysBelowHighWaterPlusOneWrite() throws Exception {
        Asyncio.run(flood());
    }

    /** Records datagrams and answers each with its text upper-cased. */
    final class UpperCaser implements DatagramProtocol {
        DatagramTransport transport;

        @Override
        public void connectionMade(DatagramTransport made) {
            transport = made;
        }

        @Override
        public void datagramReceived(ByteBuffer data, SocketAddress from) {
            String text = StandardCharsets.UTF_8.decode(data).toString();
            transport.sendTo(ByteBuffer.wrap(bytes(text.toUpperCase())), from);
        }
    }

    /** Completes {@code reply} with the first datagram. */
    static final class Receiver implements DatagramProtocol {
        final Future<String> reply;
        Exception lost = new Exception("not lost yet");

        Receiver(Future<String> reply) {
            this.reply = reply;
        }

        @Override
        public void datagramReceived(ByteBuffer data, SocketAddress from) {
            reply.setResult(StandardCharsets.UTF_8.decode(data).toString());
        }

        @Override
        public void connectionLost(Exception exception) {
            lost = exception;
        }
    }

    @Async
    Coroutine<String> udpRoundTrip() throws IOException {
        EventLoop loop = getRunningLoop();
        DatagramTransport upper = await(loop.createDatagramEndpoint(UpperCaser::new,
                new InetSocketAddress("127.0.0.1", 0), null));
        Receiver receiver = new Receiver(loop.createFuture());
        DatagramTransport sender = await(loop.createDatagramEndpoint(() -> receiver, null,
                (InetSocketAddress) upper.localAddress()));
        sender.sendTo(ByteBuffer.wrap(bytes("datagram")), null);
        String reply = await(receiver.reply);
        sender.close();
        upper.close();
        await(sleep(0));
        assertNull(receiver.lost);
        return completed(reply);
    }

    @Test
    void udp_roundTrip() throws Exception {
        assertEquals("DATAGRAM", Asyncio.run(udpRoundTrip()));
    }
}
