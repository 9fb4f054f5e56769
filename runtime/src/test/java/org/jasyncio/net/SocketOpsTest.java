package org.jasyncio.net;

import static org.jasyncio.testing.Script.ok;
import static org.jasyncio.testing.Script.returning;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.jasyncio.Asyncio;
import org.jasyncio.EventLoop;
import org.jasyncio.Task;
import org.jasyncio.internal.IoSelector;
import org.jasyncio.testing.Events;
import org.jasyncio.testing.Script;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The loop's sock* coroutines and reader/writer registrations, on a real loop and loopback sockets. */
class SocketOpsTest {

    private final EventLoop loop = new EventLoop();
    private final IoSelector io = IoSelector.of(loop);
    private final Events events = new Events();

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    private static ServerSocketChannel listener() throws IOException {
        ServerSocketChannel listener = ServerSocketChannel.open();
        listener.bind(new InetSocketAddress("127.0.0.1", 0));
        return listener;
    }

    @Test
    void connectAcceptSendRecv_roundTrip() throws IOException {
        try (ServerSocketChannel listener = listener(); SocketChannel client = SocketChannel.open()) {
            SocketAddress address = listener.getLocalAddress();
            ByteBuffer received = ByteBuffer.allocate(16);
            Task<Object> server = loop.createTask(Script.of("server",
                    ok(v -> loop.sockAccept(listener)),
                    ok(accepted -> loop.sockRecv((SocketChannel) accepted, received)),
                    ok(count -> returning(count))));
            Task<Object> sender = loop.createTask(Script.of("client",
                    ok(v -> loop.sockConnect(client, address)),
                    ok(v -> loop.sockSendAll(client, ByteBuffer.wrap("hello".getBytes(StandardCharsets.UTF_8)))),
                    ok(v -> returning("sent"))));

            List<Object> results = loop.runUntilComplete(Asyncio.gather(server, sender));

            assertEquals(List.of(5, "sent"), results);
            assertEquals("hello", new String(received.array(), 0, 5, StandardCharsets.UTF_8));
        }
    }

    @Test
    void sockConnect_refused_namesTheAddress() throws IOException {
        SocketAddress address;
        try (ServerSocketChannel closed = listener()) {
            address = closed.getLocalAddress();
        }
        try (SocketChannel client = SocketChannel.open()) {
            ConnectException e = assertThrows(ConnectException.class,
                    () -> loop.runUntilComplete(loop.sockConnect(client, address)));
            assertTrue(e.getMessage().contains(address.toString()), e.getMessage());
            assertEquals(-1, io.interestOps(client));
        }
    }

    @Test
    void cancellingABlockedRecv_leavesNoRegistration() throws IOException {
        try (ServerSocketChannel listener = listener();
                SocketChannel client = SocketChannel.open(listener.getLocalAddress());
                SocketChannel accepted = listener.accept()) {
            Task<Integer> recv = loop.createTask(loop.sockRecv(client, ByteBuffer.allocate(8)));
            loop.callLater(Duration.ofMillis(5), () -> {
                events.add("interest while blocked " + io.interestOps(client));
                recv.cancel();
                events.add("interest once cancelled " + io.interestOps(client));
            });

            assertThrows(CancellationException.class, () -> loop.runUntilComplete(recv));

            events.assertOrder("interest while blocked " + SelectionKey.OP_READ, "interest once cancelled -1");
            loop.runUntilComplete(Asyncio.sleep(0));
            assertEquals(0, io.registeredChannels());
            assertFalse(accepted.socket().isClosed());
        }
    }

    @Test
    void readersAndWriters_areCalledWhenReady_andRemovedOnce() throws IOException {
        try (ServerSocketChannel listener = listener();
                SocketChannel client = SocketChannel.open(listener.getLocalAddress());
                SocketChannel accepted = listener.accept()) {
            accepted.write(ByteBuffer.wrap(new byte[] {1}));
            loop.addReader(client, () -> {
                events.add("readable");
                loop.removeReader(client);
            });
            loop.addWriter(client, () -> {
                events.add("writable");
                loop.removeWriter(client);
            });
            assertEquals(SelectionKey.OP_READ | SelectionKey.OP_WRITE, io.interestOps(client));

            loop.runUntilComplete(Asyncio.sleep(Duration.ofMillis(20)));

            events.assertOrder("readable", "writable");
            assertFalse(loop.removeReader(client));
            assertFalse(loop.removeWriter(client));
            assertEquals(-1, io.interestOps(client));
        }
    }

    @Test
    void closingTheLoop_closesItsServersAndTransports() throws IOException {
        Task<Server> server = loop.createTask(loop.createServer(() -> new Protocol() { }, "127.0.0.1", 0));
        SocketAddress address = loop.runUntilComplete(server).addresses().get(0);
        try (SocketChannel client = SocketChannel.open(address)) {
            loop.runUntilComplete(Asyncio.sleep(Duration.ofMillis(20)));
            assertEquals(2, io.trackedResources());

            loop.close();

            assertEquals(0, io.trackedResources());
            assertEquals(-1, client.read(ByteBuffer.allocate(1)));
        }
        assertThrows(ConnectException.class, () -> SocketChannel.open(address).close());
    }
}
