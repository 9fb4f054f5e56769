package org.jasyncio.queues;

/**
 * Thrown by {@link Queue#putNowait} when the queue is full, as asyncio's {@code QueueFull}; await
 * {@link Queue#put} instead to wait for room.
 */
public class QueueFullException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** An exception with {@code message}. */
    public QueueFullException(String message) {
        super(message);
    }
}
