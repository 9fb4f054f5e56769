package org.jasyncio.internal;

import java.util.ArrayDeque;

import org.jasyncio.Asyncio;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;

/**
 * The tasks waiting on one synchronisation primitive or queue, first-in first-out: one pending
 * {@link Future} each, as asyncio's {@code _waiters} deques. Not for user code: the primitives of
 * {@code org.jasyncio.sync} and {@code org.jasyncio.queues} keep one each.
 *
 * <p>A waiter is added by {@link #add()} and waits on its future; whoever wakes it completes the
 * future and leaves it in place; the waiter removes it with {@link #remove} once it runs again,
 * woken or cancelled. So a future in here is either pending, or done and about to be removed by its
 * task: done with {@code null} (woken) or cancelled (its task was cancelled).
 *
 * <p>Loop binding, as asyncio's {@code _LoopBoundMixin}: the first {@link #add()} binds the primitive
 * to the running loop; an {@code add()} from another loop throws {@link IllegalStateException}. What
 * never waits never binds.
 *
 * <p>Nothing is allocated until a task waits. Thread rule: loop-thread only, unchecked (the
 * futures check it).
 */
public final class Waiters {

    /** What the waiters wait on, named in error messages. */
    private final Object owner;
    private EventLoop loop;
    private ArrayDeque<Future<Void>> queue;

    /** The waiters of {@code owner}, none yet. */
    public Waiters(Object owner) {
        this.owner = owner;
    }

    /**
     * Adds a waiter at the end: a new pending future on the running loop, to which this binds.
     *
     * @throws IllegalStateException if no loop runs on this thread, or it is another loop than the
     *         one a task waited on before
     */
    public Future<Void> add() {
        EventLoop running = Asyncio.getRunningLoop();
        if (loop == null) {
            loop = running;
        } else if (loop != running) {
            throw new IllegalStateException(owner + " is bound to the event loop of the first task that waited on it,"
                    + " and was now awaited by a task of another loop; a lock, event or queue serves the tasks"
                    + " of one loop: make one per loop");
        }
        if (queue == null) {
            queue = new ArrayDeque<>();
        }
        Future<Void> waiter = running.createFuture();
        queue.addLast(waiter);
        return waiter;
    }

    /** Removes {@code waiter}, if it is still here. */
    public void remove(Future<Void> waiter) {
        queue.removeFirstOccurrence(waiter);
    }

    /** Whether no task waits. */
    public boolean isEmpty() {
        return queue == null || queue.isEmpty();
    }

    /** How many futures are here, woken or cancelled ones not yet removed included. */
    public int size() {
        return queue == null ? 0 : queue.size();
    }

    /** Whether every waiter, if any, was cancelled: a lock may then be taken without waiting in line. */
    public boolean allCancelled() {
        if (isEmpty()) {
            return true;
        }
        for (Future<Void> waiter : queue) {
            if (!waiter.isCancelled()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Wakes the first waiter, unless it is already done (then it is about to run, and will wake the
     * next itself if it must), as asyncio's {@code Lock._wake_up_first}.
     */
    public void wakeFirst() {
        if (!isEmpty()) {
            Future<Void> first = queue.peekFirst();
            if (!first.isDone()) {
                first.setResult(null);
            }
        }
    }

    /**
     * Wakes the first waiter that is still pending, skipping those already woken or cancelled.
     *
     * @return whether there was one
     */
    public boolean wakeNext() {
        return wake(1) == 1;
    }

    /**
     * Wakes the first {@code n} waiters that are still pending, in order.
     *
     * @return how many were woken
     */
    public int wake(int n) {
        int woken = 0;
        if (queue != null) {
            for (Future<Void> waiter : queue) {
                if (woken >= n) {
                    break;
                }
                if (!waiter.isDone()) {
                    waiter.setResult(null);
                    woken++;
                }
            }
        }
        return woken;
    }

    /** Wakes every waiter that is still pending. */
    public void wakeAll() {
        wake(Integer.MAX_VALUE);
    }
}
