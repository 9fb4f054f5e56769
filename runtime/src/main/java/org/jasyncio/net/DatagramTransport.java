package org.jasyncio.net;

import java.net.SocketAddress;
import java.nio.ByteBuffer;

/**
 * A UDP endpoint, as asyncio's {@code DatagramTransport}: sends never block (what cannot be sent at
 * once is queued, by copy).
 *
 * <p>Thread rule: loop-thread only.
 */
public interface DatagramTransport {

    /**
     * Sends {@code data}'s remaining bytes as one datagram to {@code to}, or, when {@code to} is
     * {@code null}, to the remote the endpoint is connected to.
     *
     * @throws IllegalStateException after {@link #close()}
     * @throws IllegalArgumentException if {@code to} is {@code null} and the endpoint is not connected,
     *         or {@code to} is not the connected remote
     */
    void sendTo(ByteBuffer data, SocketAddress to);

    /** The local address. */
    SocketAddress localAddress();

    /** Closes once the queued datagrams are sent; the protocol's {@code connectionLost(null)} follows. Idempotent. */
    void close();

    /** Closes at once, dropping the queued datagrams; the protocol's {@code connectionLost(null)} follows. */
    void abort();
}
