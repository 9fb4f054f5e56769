package org.jasyncio.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.function.Supplier;

import org.jasyncio.Coroutine;
import org.jasyncio.EventLoop;
import org.jasyncio.net.DatagramProtocol;
import org.jasyncio.net.DatagramTransport;
import org.jasyncio.net.Protocol;
import org.jasyncio.net.Server;
import org.jasyncio.net.Transport;

/**
 * What {@code EventLoop}'s networking methods delegate to, implemented by {@code org.jasyncio.net},
 * whose plumbing stays package-private there. Not for user code. The implementation installs itself
 * when its class is initialised, which {@link #provider()} brings about.
 */
public interface Net {

    /** The implementation, loaded on first use. */
    static Net provider() {
        Net net = Installed.net;
        if (net == null) {
            try {
                Class.forName("org.jasyncio.net.LoopNet", true, Net.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new AssertionError("the runtime's networking is missing", e);
            }
            net = Installed.net;
        }
        return net;
    }

    /** Called once, by the implementation's static initialiser. */
    static void install(Net net) {
        if (Installed.net != null) {
            throw new IllegalStateException("networking is installed already");
        }
        Installed.net = net;
    }

    Coroutine<Transport> createConnection(EventLoop loop, Supplier<? extends Protocol> factory, String host, int port);

    Coroutine<Server> createServer(EventLoop loop, Supplier<? extends Protocol> factory, String host, int port);

    Coroutine<DatagramTransport> createDatagramEndpoint(EventLoop loop, Supplier<? extends DatagramProtocol> factory,
            InetSocketAddress local, InetSocketAddress remote);

    Coroutine<Void> sockConnect(EventLoop loop, SocketChannel channel, SocketAddress address) throws IOException;

    Coroutine<SocketChannel> sockAccept(EventLoop loop, ServerSocketChannel channel) throws IOException;

    Coroutine<Integer> sockRecv(EventLoop loop, SocketChannel channel, ByteBuffer buffer) throws IOException;

    Coroutine<Void> sockSendAll(EventLoop loop, SocketChannel channel, ByteBuffer buffer) throws IOException;

    /** Holds the implementation. */
    final class Installed {
        private static volatile Net net;

        private Installed() {
        }
    }
}
