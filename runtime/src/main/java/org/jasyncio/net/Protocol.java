package org.jasyncio.net;

import java.nio.ByteBuffer;

/**
 * What a stream connection calls as things happen to it, as asyncio's {@code Protocol}: made by the
 * factory given to {@code EventLoop.createConnection} or {@code createServer}, one per connection.
 * Every method has a no-op default; a protocol overrides what it needs.
 *
 * <p>Order of calls: {@link #connectionMade} once; then {@link #dataReceived} any number of times,
 * {@link #eofReceived} at most once after them; {@link #connectionLost} once, last. Between them,
 * {@link #pauseWriting} and {@link #resumeWriting} alternate as the transport's write buffer crosses
 * its high and low water marks.
 *
 * <p>Thread rule: every method is called on the loop thread.
 */
public interface Protocol {

    /** The connection is up; {@code transport} writes to it and controls it. */
    default void connectionMade(Transport transport) {
    }

    /**
     * Bytes arrived: {@code data}'s remaining bytes. The buffer belongs to the loop and is reused
     * after this call returns: copy what must be kept.
     */
    default void dataReceived(ByteBuffer data) {
    }

    /**
     * The peer will send nothing more (it half-closed or closed the connection).
     *
     * @return {@code true} to keep the transport open for writing; {@code false}, the default, closes it
     */
    default boolean eofReceived() {
        return false;
    }

    /**
     * The connection is closed: {@code exception} is {@code null} when it closed cleanly (by either
     * side), else what broke it (a {@link java.net.SocketException} for a reset, say).
     */
    default void connectionLost(Exception exception) {
    }

    /** The transport's write buffer went above its high-water mark: stop writing until {@link #resumeWriting}. */
    default void pauseWriting() {
    }

    /** The transport's write buffer drained to its low-water mark: writing may go on. */
    default void resumeWriting() {
    }
}
