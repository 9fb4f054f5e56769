package org.jasyncio.internal;

/**
 * A coroutine that waits in a {@link Waiters} queue itself, with no future: its task is parked there
 * and woken by the primitive that owns the queue, or by its own cancellation. Not for user code: the
 * coroutines of {@code org.jasyncio.sync} and {@code org.jasyncio.queues} extend it, so that a wait
 * costs no object beyond the coroutine the user awaits.
 *
 * <table>
 *   <caption>States</caption>
 *   <tr><th>state</th><th>meaning</th><th>next</th></tr>
 *   <tr><td>idle</td><td>not in a queue</td><td>waiting, by {@link Waiters#park}</td></tr>
 *   <tr><td>waiting</td><td>in a queue, its task suspended on it</td><td>woken, or cancelled</td></tr>
 *   <tr><td>woken</td><td>a primitive woke it; its task's next step is scheduled</td><td>idle, by {@link Waiters#leave}</td></tr>
 *   <tr><td>cancelled</td><td>its task was cancelled while it waited; the step that throws the
 *       {@code CancellationException} at it is scheduled</td><td>idle, by {@link Waiters#leave}</td></tr>
 * </table>
 * A woken or cancelled frame stays in the queue until it runs again and leaves it, as asyncio's
 * futures do in the {@code _waiters} deques; a woken one that is then cancelled before it runs stays
 * <em>woken</em>, and learns of the cancellation when it runs.
 *
 * <p>Thread rule: loop-thread only.
 */
public abstract class WaitingFrame<T> extends AsyncFrame<T> {

    static final byte IDLE = 0;
    static final byte WAITING = 1;
    static final byte WOKEN = 2;
    static final byte CANCELLED = 3;

    byte waitState;

    /** Only the runtime's primitives extend this class. */
    protected WaitingFrame() {
    }

    /**
     * Whether this frame runs again after waiting in a queue, woken or cancelled, and has not left
     * the queue yet: its {@link #resume()} must then call {@link Waiters#leave}.
     */
    protected final boolean waited() {
        return waitState != IDLE;
    }

    /** Its task was cancelled while it waited: it was not woken, and is woken now only to throw. */
    final void cancelWait() {
        waitState = CANCELLED;
    }
}
