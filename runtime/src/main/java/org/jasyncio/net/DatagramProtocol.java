package org.jasyncio.net;

import java.net.SocketAddress;
import java.nio.ByteBuffer;

/**
 * What a UDP endpoint calls as datagrams arrive, as asyncio's {@code DatagramProtocol}. Every method
 * has a no-op default.
 *
 * <p>Thread rule: every method is called on the loop thread.
 */
public interface DatagramProtocol {

    /** The endpoint is open; {@code transport} sends from it. */
    default void connectionMade(DatagramTransport transport) {
    }

    /**
     * A datagram arrived from {@code from}: {@code data}'s remaining bytes. The buffer belongs to the
     * loop and is reused after this call returns.
     */
    default void datagramReceived(ByteBuffer data, SocketAddress from) {
    }

    /** A send or receive failed (for instance, the connected peer refused a datagram); the endpoint stays open. */
    default void errorReceived(Exception exception) {
    }

    /** The endpoint is closed; {@code exception} is {@code null} when closed by {@code close()} or {@code abort()}. */
    default void connectionLost(Exception exception) {
    }
}
