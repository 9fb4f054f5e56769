package org.jasyncio.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.function.Supplier;

import org.jasyncio.Coroutine;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;

/**
 * The transport of a UDP endpoint, as asyncio's {@code _SelectorDatagramTransport}: each readable
 * event receives one datagram into the loop's shared buffer; a send goes out at once or, when the
 * socket is full, is queued (by copy) until it is writable. A failed send or receive (a refused
 * datagram on a connected endpoint, say) goes to {@code errorReceived} and the endpoint stays open.
 *
 * <p>Thread rule: loop-thread only.
 */
final class DatagramEndpoint extends ChannelTransport implements DatagramTransport {

    private final DatagramChannel channel;
    private final DatagramProtocol protocol;
    private final SocketAddress remote;
    private final SocketAddress local;
    private final ArrayDeque<Object[]> queue = new ArrayDeque<>();

    private DatagramEndpoint(EventLoop loop, DatagramChannel channel, DatagramProtocol protocol, SocketAddress remote)
            throws IOException {
        super(loop, channel);
        this.channel = channel;
        this.protocol = protocol;
        this.remote = remote;
        this.local = channel.getLocalAddress();
    }

    /** The coroutine of {@code EventLoop.createDatagramEndpoint}. */
    static Coroutine<DatagramTransport> open(EventLoop loop, Supplier<? extends DatagramProtocol> factory,
            InetSocketAddress local, InetSocketAddress remote) {
        Objects.requireNonNull(factory, "factory");
        return Then.deferred("createDatagramEndpoint(" + local + ", " + remote + ")", ignored -> {
            InetSocketAddress any = local != null ? local : remote != null && remote.getAddress() != null
                    && remote.getAddress() instanceof java.net.Inet6Address ? new InetSocketAddress("::", 0) : null;
            DatagramChannel channel = any != null && any.getAddress() instanceof java.net.Inet6Address
                    ? DatagramChannel.open(StandardProtocolFamily.INET6) : DatagramChannel.open(StandardProtocolFamily.INET);
            try {
                channel.configureBlocking(false);
                channel.bind(any);
                if (remote != null) {
                    channel.connect(remote);
                }
                DatagramEndpoint endpoint = new DatagramEndpoint(loop, channel,
                        Objects.requireNonNull(factory.get(), "the protocol factory returned null"), remote);
                Future<DatagramTransport> made = loop.createFuture();
                loop.callSoon(() -> endpoint.start(made));
                return made;
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        });
    }

    private void start(Future<DatagramTransport> made) {
        protocol.connectionMade(this);
        if (!closing) {
            io.addReader(channel, this::readReady);
        }
        made.setResult(this);
    }

    @Override
    public void sendTo(ByteBuffer data, SocketAddress to) {
        if (closing) {
            throw new IllegalStateException("sendTo on " + this + " after close()");
        }
        if (to == null && remote == null) {
            throw new IllegalArgumentException("sendTo without an address on " + this
                    + ", which is not connected: give the address, or a remote to createDatagramEndpoint");
        }
        if (to != null && remote != null && !to.equals(remote)) {
            throw new IllegalArgumentException("sendTo " + to + " on " + this + ", which is connected to " + remote
                    + ": pass null or the connected remote");
        }
        SocketAddress target = to != null ? to : remote;
        if (queue.isEmpty()) {
            try {
                int sent = remote != null ? channel.write(data) : channel.send(data, target);
                if (sent > 0 || !data.hasRemaining()) {
                    return;
                }
            } catch (IOException e) {
                protocol.errorReceived(e);
                return;
            }
            io.addWriter(channel, this::writeReady);
        }
        ByteBuffer copy = ByteBuffer.allocate(data.remaining());
        queue.addLast(new Object[] {copy.put(data).flip(), target});
    }

    private void writeReady() {
        while (!queue.isEmpty()) {
            Object[] next = queue.peekFirst();
            ByteBuffer data = (ByteBuffer) next[0];
            try {
                int sent = remote != null ? channel.write(data) : channel.send(data, (SocketAddress) next[1]);
                if (sent == 0 && data.hasRemaining()) {
                    return;
                }
            } catch (IOException e) {
                protocol.errorReceived(e);
            }
            queue.pollFirst();
        }
        io.removeWriter(channel);
        if (closing) {
            scheduleLost(null);
        }
    }

    private void readReady() {
        ByteBuffer buffer = io.readBuffer();
        SocketAddress from;
        try {
            from = channel.receive(buffer);
        } catch (IOException e) {
            protocol.errorReceived(e);
            return;
        }
        if (from != null) {
            buffer.flip();
            protocol.datagramReceived(buffer, from);
        }
    }

    @Override
    public SocketAddress localAddress() {
        return local;
    }

    @Override
    public void close() {
        closeGracefully(queue.isEmpty());
    }

    @Override
    public void abort() {
        queue.clear();
        closeNow(null);
    }

    @Override
    void notifyLost(Exception exception) {
        protocol.connectionLost(exception);
    }

    @Override
    public String toString() {
        return "DatagramTransport[" + local + (remote != null ? " -> " + remote : "") + "]";
    }
}
