package org.jasyncio.sync;

import java.util.concurrent.CancellationException;

import org.jasyncio.Coroutine;
import org.jasyncio.internal.Await;
import org.jasyncio.internal.Waiters;
import org.jasyncio.internal.WaitingFrame;

/**
 * A counter of permits for the tasks of one event loop, as asyncio's {@code Semaphore}:
 * {@link #acquire()} takes a permit, waiting while there is none, and {@link #release()} gives one
 * back. Releases are not checked against acquires (see {@link BoundedSemaphore} for that).
 *
 * <table>
 *   <caption>States</caption>
 *   <tr><th>state</th><th>{@link #isLocked()}</th><th>{@link #acquire()} awaited</th></tr>
 *   <tr><td>permits available, nobody waiting</td><td>false</td><td>takes one without suspending</td></tr>
 *   <tr><td>no permit, or tasks waiting in line</td><td>true</td><td>waits in line</td></tr>
 * </table>
 *
 * <p>Waiters are served first-in first-out. A release hands its permit to the first waiter at once
 * (the permit is counted as taken when that waiter is woken), so a task that comes later cannot
 * take it first. A waiter cancelled while waiting never keeps a permit: if it was woken and
 * cancelled before it ran, it gives the permit back and wakes the next in line.
 *
 * <p>The semaphore binds to the loop of the first task that waits on it; a task of another loop that
 * has to wait on it gets {@link IllegalStateException}. Thread rule: loop-thread only.
 */
@SuppressWarnings("this-escape") // Waiters keeps its owner only to name it in messages
public class Semaphore {

    private final Waiters waiters = new Waiters(this);
    private int permits;

    /**
     * A semaphore with {@code permits} permits.
     *
     * @throws IllegalArgumentException if {@code permits} is negative
     */
    public Semaphore(int permits) {
        if (permits < 0) {
            throw new IllegalArgumentException("a semaphore's permits cannot be negative: " + permits);
        }
        this.permits = permits;
    }

    /**
     * A coroutine that takes a permit: at once if one is available and nobody waits, else once the
     * tasks before it have been served and a permit is released. Cancelled while waiting, it throws
     * {@link CancellationException} and holds no permit.
     */
    public Coroutine<Void> acquire() {
        return new Acquire(this);
    }

    /** Gives a permit back, and hands it to the first task waiting for one, if any. */
    public void release() {
        permits++;
        wakeNext();
    }

    /** Whether {@link #acquire()} would wait: no permit is available, or tasks wait in line. */
    public boolean isLocked() {
        return permits == 0 || !waiters.allCancelled();
    }

    /** How many permits are available now (those handed to woken waiters not counted). */
    public int available() {
        return permits;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[permits=" + permits + ", waiters=" + waiters.size() + "]";
    }

    /** Hands a permit to the first waiter still pending, if any. */
    private boolean wakeNext() {
        if (waiters.wakeNext()) {
            permits--;
            return true;
        }
        return false;
    }

    /** The coroutine of {@link #acquire()}. States: not started, waiting in line ({@link #waited()}). */
    private static final class Acquire extends WaitingFrame<Void> {

        private final Semaphore semaphore;

        Acquire(Semaphore semaphore) {
            this.semaphore = semaphore;
        }

        @Override
        protected Object resume() {
            if (waited()) {
                return woken();
            }
            Semaphore semaphore = this.semaphore;
            if (!semaphore.isLocked()) {
                semaphore.permits--;
                return null;
            }
            return semaphore.waiters.park(this);
        }

        private Object woken() {
            boolean cancelledWaiting = semaphore.waiters.leave(this);
            try {
                Await.resumed(this);
            } catch (CancellationException e) {
                if (!cancelledWaiting) {
                    // Woken with a permit, then cancelled before it ran: the permit goes back.
                    semaphore.permits++;
                }
                throw e;
            } finally {
                // Tasks that came while permits were handed out wait in line; wake as many as there are permits.
                boolean woke = true;
                while (semaphore.permits > 0 && woke) {
                    woke = semaphore.wakeNext();
                }
            }
            return null;
        }

        @Override
        public String toString() {
            return "Semaphore.acquire";
        }
    }
}
