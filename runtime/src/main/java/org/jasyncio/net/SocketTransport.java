package org.jasyncio.net;

import java.io.IOException;
import java.net.SocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;

import org.jasyncio.EventLoop;
import org.jasyncio.Future;

/**
 * The transport of a connected {@link SocketChannel} (TCP or Unix), as asyncio's
 * {@code _SelectorSocketTransport}: reads into the loop's shared buffer whenever the channel is
 * readable (unless paused) and hands the bytes to the protocol; writes at once what the socket takes
 * and queues copies of the rest, sent as the channel becomes writable.
 *
 * <table>
 *   <caption>States</caption>
 *   <tr><th>state</th><th>meaning</th></tr>
 *   <tr><td>open</td><td>reading (unless paused), writing</td></tr>
 *   <tr><td>closing</td><td>not reading; the queue is still being sent ({@code close()}) or dropped
 *       ({@code abort()}, a failure); {@code connectionLost} is scheduled once it is empty</td></tr>
 *   <tr><td>lost</td><td>{@code connectionLost} has run; the channel is closed</td></tr>
 * </table>
 *
 * <p>An I/O failure is a {@link SocketException} given to {@code connectionLost}; a protocol whose
 * callback throws has its transport aborted with that exception.
 *
 * <p>Thread rule: loop-thread only.
 */
final class SocketTransport extends ChannelTransport implements Transport {

    private static final int DEFAULT_HIGH = 64 * 1024;
    private static final int DEFAULT_LOW = 16 * 1024;

    private final SocketChannel channel;
    private final Server server;
    private Protocol protocol;
    /** What could not be sent at once, in order; made at the first such write (most connections never need it). */
    private ArrayDeque<ByteBuffer> queue;
    private int buffered;
    private int high = DEFAULT_HIGH;
    private int low = DEFAULT_LOW;
    private boolean writingPaused;
    private boolean readingPaused;
    private boolean eofReceived;
    private boolean eofWritten;
    /** Closed by {@link #close()} or {@link #abort()}: writing then throws rather than being dropped. */
    private boolean closedByUser;
    private final SocketAddress local;
    private final SocketAddress remote;
    private final Runnable onReadable = this::readReady;
    private final Runnable onWritable = this::writeReady;

    /**
     * Starts a transport on {@code channel} for {@code protocol}: its {@code connectionMade} runs in
     * the next iteration, then reading starts and {@code made}, if given, completes with the transport.
     */
    SocketTransport(EventLoop loop, SocketChannel channel, Protocol protocol, Server server, Future<Transport> made)
            throws IOException {
        super(loop, channel);
        this.channel = channel;
        this.protocol = protocol;
        this.server = server;
        this.local = channel.getLocalAddress();
        this.remote = channel.getRemoteAddress();
        if (server != null) {
            server.attach();
        }
        loop.callSoon(() -> start(made));
    }

    private void start(Future<Transport> made) {
        try {
            protocol.connectionMade(this);
        } catch (RuntimeException e) {
            protocolFailed("connectionMade", e);
            if (made != null) {
                made.setException(e);
            }
            return;
        }
        if (!closing && !readingPaused) {
            io.addReader(channel, onReadable);
        }
        if (made != null) {
            made.setResult(this);
        }
    }

    /** Hands the connection to {@code next}, as {@code startTls} does, from now on. */
    void setProtocol(Protocol next) {
        this.protocol = next;
    }

    @Override
    public void write(ByteBuffer data) {
        if (closedByUser || eofWritten) {
            throw new IllegalStateException("write on " + this + " after " + (eofWritten ? "writeEof()" : "close()")
                    + ": write before closing, or check isClosing()");
        }
        if (closing || !data.hasRemaining()) {
            // The connection broke: asyncio drops the data too; the error surfaces at drain() or connectionLost.
            data.position(data.limit());
            return;
        }
        if (queueEmpty()) {
            try {
                channel.write(data);
            } catch (IOException e) {
                fail(e);
                return;
            }
            if (!data.hasRemaining()) {
                return;
            }
            io.addWriter(channel, onWritable);
        }
        ByteBuffer copy = ByteBuffer.allocate(data.remaining());
        copy.put(data).flip();
        if (queue == null) {
            queue = new ArrayDeque<>(1);
        }
        queue.addLast(copy);
        buffered += copy.remaining();
        maybePauseProtocol();
    }

    private boolean queueEmpty() {
        return queue == null || queue.isEmpty();
    }

    private void writeReady() {
        try {
            long written = channel.write(queue.toArray(new ByteBuffer[0]));
            buffered -= (int) written;
        } catch (IOException e) {
            fail(e);
            return;
        }
        while (!queue.isEmpty() && !queue.peekFirst().hasRemaining()) {
            queue.pollFirst();
        }
        maybeResumeProtocol();
        if (!queue.isEmpty()) {
            return;
        }
        io.removeWriter(channel);
        if (closing) {
            scheduleLost(null);
        } else if (eofWritten) {
            shutdownOutput();
        }
    }

    private void readReady() {
        ByteBuffer buffer = io.readBuffer();
        int read;
        try {
            read = channel.read(buffer);
        } catch (IOException e) {
            fail(e);
            return;
        }
        if (read > 0) {
            buffer.flip();
            try {
                protocol.dataReceived(buffer);
            } catch (RuntimeException e) {
                protocolFailed("dataReceived", e);
            }
        } else if (read < 0) {
            eofReceived = true;
            io.removeReader(channel);
            boolean keepOpen;
            try {
                keepOpen = protocol.eofReceived();
            } catch (RuntimeException e) {
                protocolFailed("eofReceived", e);
                return;
            }
            if (!keepOpen) {
                // Closed by the protocol's answer, not by the user: a late write is dropped, not an error.
                closeGracefully(queueEmpty());
            }
        }
    }

    @Override
    public void writeEof() {
        if (closing || eofWritten) {
            return;
        }
        eofWritten = true;
        if (queueEmpty()) {
            shutdownOutput();
        }
    }

    private void shutdownOutput() {
        try {
            channel.shutdownOutput();
        } catch (IOException e) {
            fail(e);
        }
    }

    @Override
    public void close() {
        closedByUser = true;
        closeGracefully(queueEmpty());
    }

    @Override
    public void abort() {
        closedByUser = true;
        forceClose(null);
    }

    /** Ends the connection at once, dropping the queue; {@code connectionLost(exception)} follows. */
    private void forceClose(Exception exception) {
        if (queue != null) {
            queue.clear();
        }
        buffered = 0;
        closeNow(exception);
    }

    /** An I/O failure: the connection is lost with it, as a {@link SocketException}. */
    private void fail(IOException e) {
        SocketException broken;
        if (e instanceof SocketException socket) {
            broken = socket;
        } else {
            broken = new SocketException("connection to " + remote + " broken: " + e.getMessage());
            broken.initCause(e);
        }
        forceClose(broken);
    }

    private void protocolFailed(String callback, RuntimeException e) {
        Failures.report(loop, "protocol " + protocol + " failed in " + callback + " on " + this, e);
        forceClose(e);
    }

    @Override
    void notifyLost(Exception exception) {
        protocol.connectionLost(exception);
    }

    @Override
    void released() {
        if (server != null) {
            server.detach();
        }
    }

    private void maybePauseProtocol() {
        if (!writingPaused && buffered > high) {
            writingPaused = true;
            try {
                protocol.pauseWriting();
            } catch (RuntimeException e) {
                protocolFailed("pauseWriting", e);
            }
        }
    }

    private void maybeResumeProtocol() {
        if (writingPaused && buffered <= low) {
            writingPaused = false;
            try {
                protocol.resumeWriting();
            } catch (RuntimeException e) {
                protocolFailed("resumeWriting", e);
            }
        }
    }

    @Override
    public void pauseReading() {
        if (closing || readingPaused) {
            return;
        }
        readingPaused = true;
        io.removeReader(channel);
    }

    @Override
    public void resumeReading() {
        if (closing || !readingPaused) {
            return;
        }
        readingPaused = false;
        if (!eofReceived) {
            io.addReader(channel, onReadable);
        }
    }

    @Override
    public int writeBufferSize() {
        return buffered;
    }

    @Override
    public void setWriteBufferLimits(int high, int low) {
        if (low < 0 || high < low) {
            throw new IllegalArgumentException("write buffer limits high=" + high + ", low=" + low
                    + " are invalid: they need 0 <= low <= high");
        }
        this.high = high;
        this.low = low;
        maybePauseProtocol();
    }

    @Override
    public boolean isClosing() {
        return closing;
    }

    @Override
    public NetworkChannel channel() {
        return channel;
    }

    @Override
    public SocketAddress localAddress() {
        return local;
    }

    @Override
    public SocketAddress remoteAddress() {
        return remote;
    }

    @Override
    public String toString() {
        return "Transport[" + local + " -> " + remote + (closing ? ", closing" : "") + "]";
    }
}
