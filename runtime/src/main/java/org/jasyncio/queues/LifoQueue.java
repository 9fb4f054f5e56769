package org.jasyncio.queues;

import java.util.ArrayDeque;
import java.util.Collections;

/**
 * A {@link Queue} that gives the element put last first, as asyncio's {@code LifoQueue}: a stack.
 * Waiting tasks are still served first-in first-out.
 *
 * <p>Thread rule: loop-thread only.
 *
 * @param <E> the type of the elements
 */
public final class LifoQueue<E> extends Queue<E> {

    /** An unbounded stack. */
    public LifoQueue() {
        this(0);
    }

    /**
     * A stack of at most {@code maxSize} elements (0: unbounded).
     *
     * @throws IllegalArgumentException if {@code maxSize} is negative
     */
    public LifoQueue(int maxSize) {
        super(maxSize, Collections.asLifoQueue(new ArrayDeque<>()));
    }
}
