package org.jasyncio.net;

/** Both ends of an opened stream connection, as the pair asyncio's {@code open_connection} returns. */
public record Connection(StreamReader reader, StreamWriter writer) {
}
