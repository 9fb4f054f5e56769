package org.jasyncio.queues;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.CancellationException;

import org.jasyncio.Coroutine;
import org.jasyncio.internal.Await;
import org.jasyncio.internal.Waiters;
import org.jasyncio.internal.WaitingFrame;
import org.jasyncio.sync.Event;

/**
 * A first-in first-out queue between the tasks of one event loop, as asyncio's {@code Queue}:
 * {@link #put} waits while the queue is full, {@link #get} while it is empty. {@link PriorityQueue}
 * and {@link LifoQueue} change the order in which elements come out.
 *
 * <table>
 *   <caption>States</caption>
 *   <tr><th>state</th><th>{@link #put} awaited</th><th>{@link #get} awaited</th></tr>
 *   <tr><td>open</td><td>adds the element, after waiting for room if {@link #isFull()}</td>
 *       <td>takes the next element, after waiting for one if {@link #isEmpty()}</td></tr>
 *   <tr><td>shut down ({@link #shutdown()})</td><td>throws {@link QueueShutDownException}</td>
 *       <td>takes what is left, then throws {@link QueueShutDownException}</td></tr>
 * </table>
 * {@link #shutdown(boolean) shutdown(true)} also drops what is left. Either wakes every task
 * waiting in {@code put} or {@code get}, which then throw as the table says.
 *
 * <p>Waiting tasks are served first-in first-out, on each side. A {@code put} on a queue that is not
 * full and a {@code get} on one that is not empty never suspend. A waiter cancelled while waiting
 * takes nothing and adds nothing; if it had been woken for an element, or for room, before it ran,
 * it passes the wake-up on to the next waiter.
 *
 * <p>Unfinished work is counted as in asyncio: each element put adds one, each {@link #taskDone()}
 * takes one away, and {@link #join()} waits until the count is back to 0.
 *
 * <p>{@code null} elements are rejected with {@link NullPointerException}. The queue binds to the
 * loop of the first task that waits on it; a task of another loop that has to wait on it gets
 * {@link IllegalStateException}. Thread rule: loop-thread only.
 *
 * @param <E> the type of the elements
 */
@SuppressWarnings("this-escape") // Waiters keeps its owner only to name it in messages
public class Queue<E> {

    private final int maxSize;
    private final java.util.Queue<E> items;
    private final Waiters getters = new Waiters(this);
    private final Waiters putters = new Waiters(this);
    /** Set while no work is unfinished: what {@link #join()} waits for. */
    private final Event finished = new Event();
    private int unfinished;
    private boolean shutDown;

    /** An unbounded queue. */
    public Queue() {
        this(0);
    }

    /**
     * A queue of at most {@code maxSize} elements; 0 means unbounded.
     *
     * @throws IllegalArgumentException if {@code maxSize} is negative
     */
    public Queue(int maxSize) {
        this(maxSize, new ArrayDeque<>());
    }

    /** A queue keeping its elements in {@code items}, which gives them out in the queue's order. */
    Queue(int maxSize, java.util.Queue<E> items) {
        if (maxSize < 0) {
            throw new IllegalArgumentException("a queue's maxSize cannot be negative: " + maxSize + " (0 means unbounded)");
        }
        this.maxSize = maxSize;
        this.items = items;
        finished.set();
    }

    /**
     * A coroutine that adds {@code item}, waiting for room first if the queue is full.
     *
     * @throws NullPointerException at once, if {@code item} is {@code null}
     * @throws QueueShutDownException when awaited, if the queue is shut down, or shuts down while it waits
     */
    public Coroutine<Void> put(E item) {
        return new Put<>(this, Objects.requireNonNull(item, "a queue's elements cannot be null"));
    }

    /**
     * A coroutine that takes the next element, waiting for one first if the queue is empty.
     *
     * @throws QueueShutDownException when awaited, if the queue is shut down and empty
     */
    public Coroutine<E> get() {
        return new Get<>(this);
    }

    /**
     * Adds {@code item} without waiting.
     *
     * @throws NullPointerException if {@code item} is {@code null}
     * @throws QueueFullException if the queue is full
     * @throws QueueShutDownException if the queue is shut down
     */
    public void putNowait(E item) {
        Objects.requireNonNull(item, "a queue's elements cannot be null");
        if (shutDown) {
            throw new QueueShutDownException("putNowait on " + this + ", which is shut down");
        }
        if (isFull()) {
            throw new QueueFullException("putNowait on " + this + ", which is full: await put() to wait for room");
        }
        items.add(item);
        unfinished++;
        finished.clear();
        getters.wakeNext();
    }

    /**
     * Takes the next element without waiting.
     *
     * @throws QueueEmptyException if the queue is empty
     * @throws QueueShutDownException if the queue is empty and shut down
     */
    public E getNowait() {
        E item = items.poll();
        if (item == null) {
            if (shutDown) {
                throw new QueueShutDownException("getNowait on " + this + ", which is shut down and empty");
            }
            throw new QueueEmptyException("getNowait on " + this + ", which is empty: await get() to wait for an element");
        }
        putters.wakeNext();
        return item;
    }

    /** How many elements the queue holds. */
    public int size() {
        return items.size();
    }

    /** Whether the queue holds no element. */
    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** Whether the queue holds {@link #maxSize()} elements; an unbounded queue is never full. */
    public boolean isFull() {
        return maxSize > 0 && items.size() >= maxSize;
    }

    /** The most elements the queue holds; 0 for an unbounded queue. */
    public int maxSize() {
        return maxSize;
    }

    /**
     * Says that the work on an element taken from the queue is done; when it is the last unfinished
     * one, the tasks waiting in {@link #join()} go on.
     *
     * @throws IllegalStateException if called more often than elements were put
     */
    public void taskDone() {
        if (unfinished <= 0) {
            throw new IllegalStateException("taskDone() called more often than elements were put in " + this
                    + ": call it once per element taken, when its work is done");
        }
        unfinished--;
        if (unfinished == 0) {
            finished.set();
        }
    }

    /** A coroutine that returns once every element put has been marked done with {@link #taskDone()}. */
    public Coroutine<Void> join() {
        return finished.waitUntilSet();
    }

    /**
     * Shuts the queue down, as {@link #shutdown(boolean) shutdown(false)}: puts fail from now on,
     * gets once what is left has been taken.
     */
    public void shutdown() {
        shutdown(false);
    }

    /**
     * Shuts the queue down, as asyncio's {@code Queue.shutdown}: {@link #put} and {@link #putNowait}
     * throw {@link QueueShutDownException} from now on, and so do {@link #get} and
     * {@link #getNowait} once the queue is empty. Every task waiting in {@code put} or {@code get} is
     * woken, to throw it. With {@code immediate}, the elements left are dropped and counted as done,
     * so the tasks in {@link #join()} go on.
     */
    public void shutdown(boolean immediate) {
        shutDown = true;
        if (immediate) {
            while (items.poll() != null) {
                if (unfinished > 0) {
                    unfinished--;
                }
            }
            if (unfinished == 0) {
                finished.set();
            }
        }
        getters.wakeAll();
        putters.wakeAll();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[size=" + items.size() + ", maxSize=" + maxSize
                + (shutDown ? ", shut down" : "") + "]";
    }

    /** The coroutine of {@link #get()}. States: not started or woken, waiting ({@link #waited()}). */
    private static final class Get<E> extends WaitingFrame<E> {

        private final Queue<E> queue;

        Get(Queue<E> queue) {
            this.queue = queue;
        }

        @Override
        protected Object resume() {
            Queue<E> queue = this.queue;
            if (waited()) {
                woken(queue);
            }
            if (queue.items.isEmpty()) {
                if (queue.shutDown) {
                    throw new QueueShutDownException("get() on " + queue + ", which is shut down and empty");
                }
                return queue.getters.park(this);
            }
            return queue.getNowait();
        }

        private void woken(Queue<E> queue) {
            boolean cancelledWaiting = queue.getters.leave(this);
            try {
                Await.resumed(this);
            } catch (CancellationException e) {
                if (!queue.isEmpty() && !cancelledWaiting) {
                    // Woken for an element, then cancelled before it ran: the next getter takes it.
                    queue.getters.wakeNext();
                }
                throw e;
            }
        }

        @Override
        public String toString() {
            return "Queue.get";
        }
    }

    /** The coroutine of {@link #put}. States: not started or woken, waiting ({@link #waited()}). */
    private static final class Put<E> extends WaitingFrame<Void> {

        private final Queue<E> queue;
        private final E item;

        Put(Queue<E> queue, E item) {
            this.queue = queue;
            this.item = item;
        }

        @Override
        protected Object resume() {
            Queue<E> queue = this.queue;
            if (waited()) {
                woken(queue);
            }
            if (queue.isFull()) {
                if (queue.shutDown) {
                    throw new QueueShutDownException("put() on " + queue + ", which is shut down");
                }
                return queue.putters.park(this);
            }
            queue.putNowait(item);
            return null;
        }

        private void woken(Queue<E> queue) {
            boolean cancelledWaiting = queue.putters.leave(this);
            try {
                Await.resumed(this);
            } catch (CancellationException e) {
                if (!queue.isFull() && !cancelledWaiting) {
                    // Woken for room, then cancelled before it ran: the next putter takes it.
                    queue.putters.wakeNext();
                }
                throw e;
            }
        }

        @Override
        public String toString() {
            return "Queue.put";
        }
    }
}
