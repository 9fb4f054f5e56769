package org.jasyncio.benchmarks.net;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;

import org.jasyncio.Coroutine;
import org.jasyncio.EventLoop;
import org.jasyncio.net.Protocol;
import org.jasyncio.net.Server;
import org.jasyncio.net.Transport;

/**
 * The echo server written as a jasyncio protocol, as asyncio's documentation writes one: what
 * arrives is written back from {@code dataReceived}, no task per connection. Loop-thread only.
 */
final class ProtocolEchoServer implements LoopThread.Serving {

    @Override
    public Coroutine<Server> start(EventLoop loop, AtomicInteger open) throws IOException {
        return loop.createServer(() -> new Echo(open), "127.0.0.1", 0);
    }

    /** One connection's protocol. */
    private static final class Echo implements Protocol {
        private final AtomicInteger open;
        private Transport transport;

        Echo(AtomicInteger open) {
            this.open = open;
        }

        @Override
        public void connectionMade(Transport made) {
            transport = made;
            open.incrementAndGet();
        }

        @Override
        public void dataReceived(ByteBuffer data) {
            transport.write(data);
        }

        @Override
        public void connectionLost(Exception exception) {
            open.decrementAndGet();
        }
    }
}
