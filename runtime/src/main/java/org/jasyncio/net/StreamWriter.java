package org.jasyncio.net;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.Objects;

import javax.net.ssl.SSLContext;

import org.jasyncio.Coroutine;
import org.jasyncio.EventLoop;

/**
 * The writing end of a stream connection, as asyncio's {@code StreamWriter}: {@link #write} never
 * blocks (the transport buffers), and {@link #drain()} is where a writer waits for the buffer to go
 * down and learns that the connection broke.
 *
 * <p>The usual shape: {@code writer.write(bytes); await(writer.drain());} and, at the end,
 * {@code writer.close(); await(writer.waitClosed());}.
 *
 * <p>Thread rule: loop-thread only.
 */
public final class StreamWriter {

    private final EventLoop loop;
    private final StreamProtocol protocol;
    private Transport transport;

    StreamWriter(EventLoop loop, Transport transport, StreamProtocol protocol) {
        this.loop = loop;
        this.transport = transport;
        this.protocol = protocol;
    }

    /**
     * Sends {@code data}, buffering what the socket does not take at once; follow with {@link #drain()}.
     *
     * @throws IllegalStateException after {@link #close()} or {@link #writeEof()}
     */
    public void write(byte[] data) {
        transport.write(ByteBuffer.wrap(data));
    }

    /** Half-closes: sends what is buffered, then the end of the stream; the reader still reads. */
    public void writeEof() {
        transport.writeEof();
    }

    /**
     * A coroutine that waits while the write buffer is above its high-water mark (64 KiB by default).
     *
     * @throws java.net.SocketException when awaited, if the connection broke or is lost
     */
    public Coroutine<Void> drain() throws IOException {
        return Poll.of("drain()", protocol::drainStep);
    }

    /** Closes the connection once what is buffered is sent. */
    public void close() {
        transport.close();
    }

    /**
     * A coroutine that finishes once the connection is closed.
     *
     * @throws java.net.SocketException when awaited, if the connection broke
     */
    public Coroutine<Void> waitClosed() throws IOException {
        return Poll.of("waitClosed()", protocol::closedStep);
    }

    /** Whether the connection is closing or closed. */
    public boolean isClosing() {
        return transport.isClosing();
    }

    /**
     * A coroutine that upgrades the connection to TLS with {@code context}: the client side on a
     * connection that was opened, the server side on one that was accepted. Wait until nothing
     * is buffered either way first (the peer must not send more plain bytes once it asked for TLS).
     *
     * @throws javax.net.ssl.SSLHandshakeException when awaited, if the handshake fails
     */
    public Coroutine<Void> startTls(SSLContext context) throws IOException {
        Objects.requireNonNull(context, "context");
        return TlsLayer.upgrade(loop, this, protocol, context);
    }

    /** The local address. */
    public SocketAddress localAddress() {
        return transport.localAddress();
    }

    /** The peer's address. */
    public SocketAddress remoteAddress() {
        return transport.remoteAddress();
    }

    /** The transport under the stream. */
    public Transport transport() {
        return transport;
    }

    void setTransport(Transport upgraded) {
        this.transport = upgraded;
    }

    @Override
    public String toString() {
        return "StreamWriter[" + transport + "]";
    }
}
