package org.jasyncio.sync;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import org.jasyncio.Coroutine;
import org.jasyncio.internal.AsyncFrame;
import org.jasyncio.internal.Await;
import org.jasyncio.internal.Waiters;
import org.jasyncio.internal.WaitingFrame;

/**
 * A condition variable for the tasks of one event loop, as asyncio's {@code Condition}: tasks that
 * hold its {@link Lock} wait, with {@link #waitSignal()}, until another task signals them.
 * ({@code Object} owns {@code wait} and {@code notify}, hence the names.)
 *
 * <p>{@link #waitSignal()} releases the lock, waits for a signal, and re-acquires the lock before it
 * returns, also when its task is cancelled meanwhile: then it re-acquires the lock and throws the
 * {@link CancellationException}, so a {@code finally} that releases the lock stays right. A waiter
 * that was signalled but is cancelled or fails before it returns passes the signal on to the next
 * waiter, so no signal is lost; a waiter may therefore be woken without cause (a spurious wake-up,
 * as the condition variable protocol allows), which is why it re-checks its predicate in a loop, as
 * {@link #waitUntil} does:
 * <pre>{@code
 * await(condition.acquire());
 * try {
 *     await(condition.waitUntil(() -> !items.isEmpty()));
 *     take(items);
 * } finally {
 *     condition.release();
 * }
 * }</pre>
 *
 * <p>Signals wake waiters first-in first-out. {@link #waitSignal()}, {@link #signal()},
 * {@link #signal(int)} and {@link #signalAll()} need the lock held and throw
 * {@link IllegalStateException} otherwise.
 *
 * <p>The condition binds to the loop of the first task that waits on it; a task of another loop that
 * has to wait on it gets {@link IllegalStateException}. Thread rule: loop-thread only.
 */
@SuppressWarnings("this-escape") // Waiters keeps its owner only to name it in messages
public class Condition {

    private final Lock lock;
    private final Waiters waiters = new Waiters(this);

    /** A condition with a new lock of its own. */
    public Condition() {
        this(new Lock());
    }

    /** A condition on {@code lock}, which other conditions may share. */
    public Condition(Lock lock) {
        this.lock = Objects.requireNonNull(lock, "lock");
    }

    /** A coroutine that acquires the lock, as {@link Lock#acquire()}. */
    public Coroutine<Void> acquire() {
        return lock.acquire();
    }

    /**
     * Releases the lock, as {@link Lock#release()}.
     *
     * @throws IllegalStateException if it is not locked
     */
    public void release() {
        lock.release();
    }

    /** Whether the lock is held. */
    public boolean isLocked() {
        return lock.isLocked();
    }

    /**
     * A coroutine that releases the lock, waits until signalled, and re-acquires the lock, also when
     * cancelled (it then throws the {@link CancellationException} once it holds the lock again).
     *
     * @throws IllegalStateException when awaited, if the lock is not held
     */
    public Coroutine<Void> waitSignal() {
        return new WaitSignal(this);
    }

    /**
     * A coroutine that returns once {@code predicate} is true: it checks it first, then after each
     * signal, waiting with {@link #waitSignal()} in between. The lock must be held.
     *
     * @throws IllegalStateException when awaited, if it has to wait and the lock is not held
     */
    public Coroutine<Void> waitUntil(BooleanSupplier predicate) {
        return new WaitUntil(this, Objects.requireNonNull(predicate, "predicate"));
    }

    /**
     * Wakes the first waiting task.
     *
     * @throws IllegalStateException if the lock is not held
     */
    public void signal() {
        signal(1);
    }

    /**
     * Wakes the first {@code n} waiting tasks, or all of them if fewer wait.
     *
     * @throws IllegalArgumentException if {@code n} is negative
     * @throws IllegalStateException if the lock is not held
     */
    public void signal(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("signal(" + n + "): the number of tasks to wake cannot be negative");
        }
        checkLocked("signal");
        waiters.wake(n);
    }

    /**
     * Wakes every waiting task.
     *
     * @throws IllegalStateException if the lock is not held
     */
    public void signalAll() {
        checkLocked("signalAll");
        waiters.wakeAll();
    }

    @Override
    public String toString() {
        return "Condition[" + (lock.isLocked() ? "locked" : "unlocked") + ", waiters=" + waiters.size() + "]";
    }

    private void checkLocked(String operation) {
        if (!lock.isLocked()) {
            throw new IllegalStateException(operation + "() on " + this + " whose lock is not held:"
                    + " await acquire() first, and release() after");
        }
    }

    /**
     * The coroutine of {@link #waitSignal()}. States: 0, not started; 1, waiting for a signal; 2,
     * waiting to re-acquire the lock.
     */
    private static final class WaitSignal extends WaitingFrame<Void> {

        private final Condition condition;
        private int state;
        /** The cancellation to rethrow once the lock is held again. */
        private CancellationException cancelled;

        WaitSignal(Condition condition) {
            this.condition = condition;
        }

        @Override
        protected Object resume() {
            return switch (state) {
                case 0 -> start();
                case 1 -> signalled();
                default -> reacquired();
            };
        }

        private Object start() {
            condition.checkLocked("waitSignal");
            state = 1;
            Object parked = condition.waiters.park(this);
            condition.lock.release();
            return parked;
        }

        private Object signalled() {
            condition.waiters.leave(this);
            try {
                Await.resumed(this);
            } catch (CancellationException e) {
                cancelled = e;
            }
            return reacquire();
        }

        private Object reacquired() {
            try {
                Await.resumed(this);
            } catch (CancellationException e) {
                // The lock must be held again whatever happens: keep the latest cancellation and retry.
                cancelled = e;
                return reacquire();
            }
            return finish();
        }

        private Object reacquire() {
            state = 2;
            Object acquired = Await.await(condition.lock.acquire(), this);
            return acquired == Await.SUSPENDED ? acquired : finish();
        }

        private Object finish() {
            if (cancelled != null) {
                // It may have been signalled before it was cancelled: pass the signal on.
                condition.waiters.wake(1);
                throw cancelled;
            }
            return null;
        }

        @Override
        public String toString() {
            return "Condition.waitSignal";
        }
    }

    /** The coroutine of {@link #waitUntil}: checks the predicate, waits for a signal, and again. */
    private static final class WaitUntil extends AsyncFrame<Void> {

        private final Condition condition;
        private final BooleanSupplier predicate;
        private boolean waiting;

        WaitUntil(Condition condition, BooleanSupplier predicate) {
            this.condition = condition;
            this.predicate = predicate;
        }

        @Override
        protected Object resume() {
            if (waiting) {
                Await.resumed(this);
            }
            while (!predicate.getAsBoolean()) {
                waiting = true;
                if (Await.await(condition.waitSignal(), this) == Await.SUSPENDED) {
                    return Await.SUSPENDED;
                }
            }
            return null;
        }

        @Override
        public String toString() {
            return "Condition.waitUntil";
        }
    }
}
