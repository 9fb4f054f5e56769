package org.jasyncio.sync;

import java.util.concurrent.CancellationException;

import org.jasyncio.Coroutine;
import org.jasyncio.internal.Await;
import org.jasyncio.internal.Waiters;
import org.jasyncio.internal.WaitingFrame;

/**
 * A mutual-exclusion lock for the tasks of one event loop, as asyncio's {@code Lock}: not owned by a
 * task, and not reentrant (a task that acquires it twice waits for itself forever).
 *
 * <table>
 *   <caption>States</caption>
 *   <tr><th>state</th><th>{@link #isLocked()}</th><th>{@link #acquire()} awaited</th><th>{@link #release()}</th></tr>
 *   <tr><td>unlocked</td><td>false</td><td>locks it and returns without suspending, unless tasks wait in line</td>
 *       <td>throws {@link IllegalStateException}</td></tr>
 *   <tr><td>locked</td><td>true</td><td>waits in line</td><td>unlocks it and wakes the first task in line</td></tr>
 * </table>
 *
 * <p>Waiters are served first-in first-out: a task that comes while others wait goes behind them,
 * even when the lock is free at that moment. A waiter cancelled while waiting never ends up holding
 * the lock: if it was woken and cancelled before it ran, it passes the lock on to the next in line.
 * The usual form is:
 * <pre>{@code
 * await(lock.acquire());
 * try {
 *     ...
 * } finally {
 *     lock.release();
 * }
 * }</pre>
 *
 * <p>The lock binds to the loop of the first task that waits on it; a task of another loop that has
 * to wait on it gets {@link IllegalStateException}. Thread rule: loop-thread only.
 */
@SuppressWarnings("this-escape") // Waiters keeps its owner only to name it in messages
public class Lock {

    private final Waiters waiters = new Waiters(this);
    private boolean locked;

    /** An unlocked lock. */
    public Lock() {
    }

    /**
     * A coroutine that locks this lock: at once if it is unlocked and nobody waits, else once the
     * tasks before it have had it and released it. Cancelled while waiting, it throws
     * {@link CancellationException} and leaves the lock to the next in line.
     */
    public Coroutine<Void> acquire() {
        return new Acquire(this);
    }

    /**
     * Unlocks this lock and wakes the first task waiting for it, if any. Any task may release it.
     *
     * @throws IllegalStateException if it is not locked
     */
    public void release() {
        if (!locked) {
            throw new IllegalStateException("release() of " + this + ", which is not locked:"
                    + " release a lock once for each acquire() that returned");
        }
        locked = false;
        waiters.wakeFirst();
    }

    /** Whether the lock is held. */
    public boolean isLocked() {
        return locked;
    }

    @Override
    public String toString() {
        return "Lock[" + (locked ? "locked" : "unlocked") + ", waiters=" + waiters.size() + "]";
    }

    /** The coroutine of {@link #acquire()}. States: not started, waiting in line ({@link #waited()}). */
    private static final class Acquire extends WaitingFrame<Void> {

        private final Lock lock;

        Acquire(Lock lock) {
            this.lock = lock;
        }

        @Override
        protected Object resume() {
            if (waited()) {
                return woken();
            }
            Lock lock = this.lock;
            if (!lock.locked && lock.waiters.allCancelled()) {
                lock.locked = true;
                return null;
            }
            return lock.waiters.park(this);
        }

        private Object woken() {
            try {
                Await.resumed(this);
            } catch (CancellationException e) {
                lock.waiters.leave(this);
                if (!lock.locked) {
                    // Woken and cancelled before it ran: the lock is free, so the next in line must run.
                    lock.waiters.wakeFirst();
                }
                throw e;
            }
            lock.waiters.leave(this);
            lock.locked = true;
            return null;
        }

        @Override
        public String toString() {
            return "Lock.acquire";
        }
    }
}
