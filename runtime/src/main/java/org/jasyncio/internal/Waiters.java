package org.jasyncio.internal;

import java.util.ArrayDeque;

import org.jasyncio.EventLoop;

/**
 * The tasks waiting on one synchronisation primitive or queue, first-in first-out, as asyncio's
 * {@code _waiters} deques. Not for user code: the primitives of {@code org.jasyncio.sync} and
 * {@code org.jasyncio.queues} keep one each.
 *
 * <p>A waiting task is parked here by the coroutine it waits in, a {@link WaitingFrame}, with no
 * future: {@link #park} queues the frame and suspends its task; a wake marks the frame woken and
 * schedules the task's next step; cancelling the task marks the frame cancelled and schedules the
 * step that throws the {@code CancellationException} at it. Either way the frame stays here until
 * it runs again and leaves, with {@link #leave}. So a frame in here is either waiting, or woken or
 * cancelled and about to leave.
 *
 * <p>Loop binding, as asyncio's {@code _LoopBoundMixin}: the first {@link #park} binds the primitive
 * to the loop of the waiting task; a task of another loop that parks here gets
 * {@link IllegalStateException}. What never waits never binds.
 *
 * <p>Nothing is allocated until a task waits. Thread rule: loop-thread only, unchecked.
 */
public final class Waiters {

    /** What the waiters wait on, named in error messages. */
    private final Object owner;
    private EventLoop loop;
    private ArrayDeque<WaitingFrame<?>> queue;

    /** The waiters of {@code owner}, none yet. */
    public Waiters(Object owner) {
        this.owner = owner;
    }

    /**
     * Queues {@code frame}, which runs now in its task, at the end, and suspends the task until the
     * frame is woken or the task cancelled. The frame returns what this returns.
     *
     * @return {@link Await#SUSPENDED}
     * @throws IllegalStateException if the task runs on another loop than the one a task waited on before
     */
    public Object park(WaitingFrame<?> frame) {
        Trampoline<?> task = frame.driver;
        EventLoop running = task.loop();
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
        queue.addLast(frame);
        frame.waitState = WaitingFrame.WAITING;
        return task.park(frame);
    }

    /**
     * Takes {@code frame}, which runs again after {@link #park}, out of the queue.
     *
     * @return whether its task was cancelled while it waited, rather than woken
     */
    public boolean leave(WaitingFrame<?> frame) {
        boolean cancelled = frame.waitState == WaitingFrame.CANCELLED;
        frame.waitState = WaitingFrame.IDLE;
        queue.removeFirstOccurrence(frame);
        return cancelled;
    }

    /** Whether no task waits. */
    public boolean isEmpty() {
        return queue == null || queue.isEmpty();
    }

    /** How many frames are here, woken or cancelled ones that have not left yet included. */
    public int size() {
        return queue == null ? 0 : queue.size();
    }

    /** Whether every waiter, if any, was cancelled: a lock may then be taken without waiting in line. */
    public boolean allCancelled() {
        if (isEmpty()) {
            return true;
        }
        for (WaitingFrame<?> frame : queue) {
            if (frame.waitState != WaitingFrame.CANCELLED) {
                return false;
            }
        }
        return true;
    }

    /**
     * Wakes the first waiter, unless it is already woken or cancelled (then it is about to run, and
     * will wake the next itself if it must), as asyncio's {@code Lock._wake_up_first}.
     */
    public void wakeFirst() {
        if (!isEmpty()) {
            WaitingFrame<?> first = queue.peekFirst();
            if (first.waitState == WaitingFrame.WAITING) {
                wake(first);
            }
        }
    }

    /**
     * Wakes the first waiter that is still waiting, skipping those already woken or cancelled.
     *
     * @return whether there was one
     */
    public boolean wakeNext() {
        if (isEmpty()) {
            return false;
        }
        WaitingFrame<?> first = queue.peekFirst();
        if (first.waitState == WaitingFrame.WAITING) {
            wake(first);
            return true;
        }
        return wake(1) == 1;
    }

    /**
     * Wakes the first {@code n} waiters that are still waiting, in order.
     *
     * @return how many were woken
     */
    public int wake(int n) {
        int woken = 0;
        if (queue != null) {
            for (WaitingFrame<?> frame : queue) {
                if (woken >= n) {
                    break;
                }
                if (frame.waitState == WaitingFrame.WAITING) {
                    wake(frame);
                    woken++;
                }
            }
        }
        return woken;
    }

    /** Wakes every waiter that is still waiting. */
    public void wakeAll() {
        wake(Integer.MAX_VALUE);
    }

    private static void wake(WaitingFrame<?> frame) {
        frame.waitState = WaitingFrame.WOKEN;
        frame.driver.unpark();
    }
}
