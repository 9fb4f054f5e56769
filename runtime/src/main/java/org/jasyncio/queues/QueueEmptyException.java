package org.jasyncio.queues;

import java.util.NoSuchElementException;

/**
 * Thrown by {@link Queue#getNowait} when the queue is empty, as asyncio's {@code QueueEmpty}; await
 * {@link Queue#get} instead to wait for an element.
 */
public class QueueEmptyException extends NoSuchElementException {

    private static final long serialVersionUID = 1L;

    /** An exception with {@code message}. */
    public QueueEmptyException(String message) {
        super(message);
    }
}
