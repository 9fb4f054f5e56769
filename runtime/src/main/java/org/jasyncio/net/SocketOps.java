package org.jasyncio.net;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Objects;

import org.jasyncio.Coroutine;
import org.jasyncio.EventLoop;

/**
 * The coroutines of {@code EventLoop.sockConnect}, {@code sockAccept}, {@code sockRecv} and
 * {@code sockSendAll}, as asyncio's {@code loop.sock_*}: each tries its operation at once and, when
 * the channel is not ready, waits for it with a {@link Readiness} and tries again.
 */
final class SocketOps {

    private SocketOps() {
    }

    /** Connects {@code channel} to {@code address}; a refusal is a {@link ConnectException} naming the address. */
    static Coroutine<Void> connect(EventLoop loop, SocketChannel channel, SocketAddress address) throws IOException {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(address, "address");
        return Poll.of("sockConnect(" + address + ")", () -> {
            try {
                if (!channel.isConnectionPending()) {
                    channel.configureBlocking(false);
                    if (channel.connect(address)) {
                        return null;
                    }
                } else if (channel.finishConnect()) {
                    return null;
                }
            } catch (ConnectException e) {
                throw refused(address, e);
            }
            return Readiness.writable(loop, channel);
        });
    }

    /** Accepts a connection on {@code channel}; the new channel is non-blocking. */
    static Coroutine<SocketChannel> accept(EventLoop loop, ServerSocketChannel channel) throws IOException {
        Objects.requireNonNull(channel, "channel");
        return Poll.of("sockAccept(" + channel + ")", () -> {
            channel.configureBlocking(false);
            SocketChannel accepted = channel.accept();
            if (accepted == null) {
                return Readiness.readable(loop, channel);
            }
            accepted.configureBlocking(false);
            return accepted;
        });
    }

    /** Reads into {@code buffer} once something is there: the byte count, -1 at end of stream. */
    static Coroutine<Integer> recv(EventLoop loop, SocketChannel channel, ByteBuffer buffer) throws IOException {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(buffer, "buffer");
        return Poll.of("sockRecv(" + channel + ")", () -> {
            channel.configureBlocking(false);
            int read = buffer.hasRemaining() ? channel.read(buffer) : 0;
            return read != 0 || !buffer.hasRemaining() ? (Object) read : Readiness.readable(loop, channel);
        });
    }

    /** Writes all of {@code buffer}'s remaining bytes. */
    static Coroutine<Void> sendAll(EventLoop loop, SocketChannel channel, ByteBuffer buffer) throws IOException {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(buffer, "buffer");
        return Poll.of("sockSendAll(" + channel + ")", () -> {
            channel.configureBlocking(false);
            while (buffer.hasRemaining()) {
                if (channel.write(buffer) == 0) {
                    return Readiness.writable(loop, channel);
                }
            }
            return null;
        });
    }

    /** {@code cause} with the address in its message, which the JDK leaves out. */
    static ConnectException refused(SocketAddress address, ConnectException cause) {
        ConnectException named = new ConnectException("cannot connect to " + address + ": " + cause.getMessage());
        named.initCause(cause);
        return named;
    }
}
