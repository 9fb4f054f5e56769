package org.jasyncio.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jasyncio.EventLoop;
import org.jasyncio.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A server listens on every address its host resolved to, as asyncio's does, on a real loop. */
class ServerAddressesTest {

    /** TEST-NET-1 (RFC 5737): never an address of this machine. */
    private static final InetSocketAddress NOT_HERE = new InetSocketAddress("192.0.2.1", 0);

    private final EventLoop loop = new EventLoop();
    private final List<SocketAddress> accepted = new ArrayList<>();

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    private Server bind(List<InetSocketAddress> addresses) throws IOException {
        return LoopNet.bind(loop, () -> new Protocol() {
            @Override
            public void connectionMade(Transport transport) {
                accepted.add(transport.localAddress());
            }
        }, addresses, LoopNet.DEFAULT_BACKLOG, null);
    }

    private static boolean ipv6Loopback() {
        try (ServerSocketChannel probe = ServerSocketChannel.open()) {
            probe.bind(new InetSocketAddress("::1", 0));
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Connects once to each address, then runs the loop until the server has made a protocol per connection. */
    private void connectToEach(List<SocketAddress> addresses) throws IOException {
        List<SocketChannel> clients = new ArrayList<>();
        try {
            for (SocketAddress address : addresses) {
                clients.add(SocketChannel.open(address));
            }
            Future<Void> all = loop.createFuture();
            poll(all, addresses.size());
            loop.runUntilComplete(all);
        } finally {
            for (SocketChannel client : clients) {
                client.close();
            }
        }
    }

    private void poll(Future<Void> all, int expected) {
        if (accepted.size() >= expected) {
            all.setResult(null);
        } else {
            loop.callSoon(() -> poll(all, expected));
        }
    }

    @Test
    void listensOnIpv4AndIpv6Loopback_eachWithItsOwnFreePort() throws IOException {
        assumeTrue(ipv6Loopback(), "this machine has no IPv6 loopback");
        Server server = bind(List.of(new InetSocketAddress("127.0.0.1", 0), new InetSocketAddress("::1", 0)));

        List<SocketAddress> addresses = server.addresses();

        assertEquals(2, addresses.size(), addresses.toString());
        assertEquals(InetAddress.getByName("127.0.0.1"), ((InetSocketAddress) addresses.get(0)).getAddress());
        assertEquals(InetAddress.getByName("::1"), ((InetSocketAddress) addresses.get(1)).getAddress());
        connectToEach(addresses);
        assertEquals(Set.copyOf(addresses), Set.copyOf(accepted), "one connection accepted on each address");
        server.close();
    }

    @Test
    void theSameAddressTwice_isBoundOnce() throws IOException {
        InetSocketAddress loopback = new InetSocketAddress("127.0.0.1", 0);

        Server server = bind(List.of(loopback, loopback));

        assertEquals(1, server.addresses().size(), server.addresses().toString());
        server.close();
    }

    @Test
    void anAddressThisMachineDoesNotHave_isSkipped() throws IOException {
        Server server = bind(List.of(NOT_HERE, new InetSocketAddress("127.0.0.1", 0)));

        assertEquals(1, server.addresses().size(), server.addresses().toString());
        connectToEach(server.addresses());
        assertEquals(server.addresses(), accepted);
        server.close();
    }

    @Test
    void onlyAddressesThisMachineDoesNotHave_failNamingThem() {
        BindException e = assertThrows(BindException.class, () -> bind(List.of(NOT_HERE)));

        assertTrue(e.getMessage().contains("192.0.2.1"), e.getMessage());
    }

    @Test
    void anAddressInUse_failsTheServer_andReleasesTheAddressesBoundBeforeIt() throws IOException {
        try (ServerSocketChannel taken = ServerSocketChannel.open()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = ((InetSocketAddress) taken.getLocalAddress()).getPort();
            InetSocketAddress free = new InetSocketAddress("127.0.0.2", port);

            BindException e = assertThrows(BindException.class,
                    () -> bind(List.of(free, (InetSocketAddress) taken.getLocalAddress())));

            assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
            try (ServerSocketChannel again = ServerSocketChannel.open()) {
                again.bind(free);
            }
        }
    }
}
