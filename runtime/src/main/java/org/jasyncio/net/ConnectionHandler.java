package org.jasyncio.net;

import org.jasyncio.Coroutine;

/**
 * What a stream server runs for each connection, as a task of its own, as the callback of asyncio's
 * {@code start_server}. A method reference to an {@code @Async} method fits, whatever it declares
 * it throws. When the coroutine fails, the connection is closed and the exception goes to the
 * loop's exception handler.
 */
@FunctionalInterface
public interface ConnectionHandler {

    /** The coroutine that serves one connection. */
    Coroutine<Void> handle(StreamReader reader, StreamWriter writer) throws Exception;
}
