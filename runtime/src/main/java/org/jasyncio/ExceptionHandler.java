package org.jasyncio;

/**
 * Receives the errors an event loop reports, as asyncio's exception handler
 * ({@link EventLoop#setExceptionHandler}). Called on the loop's thread, except for reports that
 * arrive once the loop is closed, which go to {@link EventLoop#defaultExceptionHandler} on whatever
 * thread found them. A handler that throws is logged by the default handler, never propagated.
 */
@FunctionalInterface
public interface ExceptionHandler {

    /** Handles {@code context}, reported by {@code loop}. */
    void handle(EventLoop loop, ErrorContext context);
}
