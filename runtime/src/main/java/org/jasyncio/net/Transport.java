package org.jasyncio.net;

import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.NetworkChannel;

/**
 * One stream connection as its {@link Protocol} drives it, as asyncio's {@code Transport}: writes
 * are buffered and never block, reading can be paused, and closing is graceful ({@link #close()}
 * sends what is buffered first) or not ({@link #abort()}).
 *
 * <table>
 *   <caption>States</caption>
 *   <tr><th>state</th><th>{@link #isClosing()}</th><th>{@link #write} </th></tr>
 *   <tr><td>open</td><td>false</td><td>sends, or buffers what cannot be sent at once</td></tr>
 *   <tr><td>after {@link #writeEof()}</td><td>false</td><td>throws {@link IllegalStateException}; data is still received</td></tr>
 *   <tr><td>closing: after {@link #close()}, {@link #abort()} or the connection's loss</td><td>true</td><td>throws {@link IllegalStateException}</td></tr>
 * </table>
 *
 * <p>Thread rule: loop-thread only.
 */
public interface Transport {

    /**
     * Sends {@code data}'s remaining bytes, buffering (by copy) what cannot be sent at once; the
     * buffer is consumed when this returns and may be reused.
     *
     * @throws IllegalStateException after {@link #close()}, {@link #abort()} or {@link #writeEof()}
     */
    void write(ByteBuffer data);

    /** Half-closes: sends what is buffered, then the end of the stream; data is still received. */
    void writeEof();

    /**
     * Closes gracefully: stops reading, sends what is buffered, then closes; the protocol's
     * {@code connectionLost(null)} follows. Idempotent.
     */
    void close();

    /** Closes at once, dropping what is buffered; the protocol's {@code connectionLost(null)} follows. */
    void abort();

    /** Stops reading (and so delivering {@code dataReceived}) until {@link #resumeReading()}. */
    void pauseReading();

    /** Reads again after {@link #pauseReading()}. */
    void resumeReading();

    /** How many bytes wait in the write buffer. */
    int writeBufferSize();

    /**
     * Sets the write buffer's marks: above {@code high} bytes the protocol's {@code pauseWriting} is
     * called, at {@code low} or below, after that, its {@code resumeWriting}. 64 KiB and 16 KiB by default.
     *
     * @throws IllegalArgumentException unless {@code 0 <= low <= high}
     */
    void setWriteBufferLimits(int high, int low);

    /** Whether the transport is closing or closed. */
    boolean isClosing();

    /** The channel, for socket options. */
    NetworkChannel channel();

    /** The local address. */
    SocketAddress localAddress();

    /** The peer's address. */
    SocketAddress remoteAddress();
}
