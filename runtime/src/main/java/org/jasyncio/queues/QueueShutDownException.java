package org.jasyncio.queues;

/**
 * Thrown when a queue that was {@linkplain Queue#shutdown() shut down} is put to, or got from once it
 * is empty, as asyncio's {@code QueueShutDown}. Tasks waiting in {@link Queue#put} or
 * {@link Queue#get} when the queue shuts down get it too.
 */
public class QueueShutDownException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** An exception with {@code message}. */
    public QueueShutDownException(String message) {
        super(message);
    }
}
