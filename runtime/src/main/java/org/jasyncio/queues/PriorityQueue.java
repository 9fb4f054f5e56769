package org.jasyncio.queues;

import java.util.Comparator;
import java.util.Objects;

/**
 * A {@link Queue} that gives its least element first, as asyncio's {@code PriorityQueue}: by natural
 * order, or by a {@link Comparator}. Elements that compare equal come out in no particular order.
 *
 * <p>Thread rule: loop-thread only.
 *
 * @param <E> the type of the elements; in natural order, they must be {@link Comparable}
 */
public final class PriorityQueue<E> extends Queue<E> {

    /** An unbounded queue in the elements' natural order. */
    public PriorityQueue() {
        this(0);
    }

    /**
     * A queue of at most {@code maxSize} elements (0: unbounded), in their natural order.
     *
     * @throws IllegalArgumentException if {@code maxSize} is negative
     */
    public PriorityQueue(int maxSize) {
        super(maxSize, new java.util.PriorityQueue<>());
    }

    /** An unbounded queue in the order of {@code comparator}. */
    public PriorityQueue(Comparator<? super E> comparator) {
        this(0, comparator);
    }

    /**
     * A queue of at most {@code maxSize} elements (0: unbounded), in the order of {@code comparator}.
     *
     * @throws IllegalArgumentException if {@code maxSize} is negative
     */
    public PriorityQueue(int maxSize, Comparator<? super E> comparator) {
        super(maxSize, new java.util.PriorityQueue<>(Objects.requireNonNull(comparator, "comparator")));
    }
}
