package org.jasyncio;

import java.util.ArrayList;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

import org.jasyncio.internal.Throwing;

/**
 * A result that will be set later, on an event loop, as asyncio's {@code Future}; awaiting it
 * suspends the awaiting task until it is done. Made by {@link EventLoop#createFuture()}.
 *
 * <table>
 *   <caption>States</caption>
 *   <tr><th>state</th><th>{@link #isDone()}</th><th>{@link #isCancelled()}</th><th>{@link #result()}</th></tr>
 *   <tr><td>pending</td><td>false</td><td>false</td><td>throws {@link IllegalStateException}</td></tr>
 *   <tr><td>finished with a value</td><td>true</td><td>false</td><td>the value</td></tr>
 *   <tr><td>finished with an exception</td><td>true</td><td>false</td><td>throws that exception, unchanged</td></tr>
 *   <tr><td>cancelled</td><td>true</td><td>true</td><td>throws {@link CancellationException}</td></tr>
 * </table>
 * A future leaves <em>pending</em> once, by {@link #setResult}, {@link #setException} or
 * {@link #cancel()}; setting it again throws {@link IllegalStateException} (asyncio's
 * {@code InvalidStateError}). Its done callbacks are then scheduled on the loop with
 * {@link EventLoop#callSoon}, in the order they were added, never called inline.
 *
 * <p>An exception that nobody retrieves (by {@link #result()}, {@link #exception()} or awaiting) is
 * logged when the future is garbage-collected, as asyncio's "exception was never retrieved".
 *
 * <p>Thread rule: loop-thread only; checked by assertions. From another thread, hand work over with
 * {@link EventLoop#callSoonThreadsafe}.
 *
 * @param <T> the type of the result
 */
public non-sealed class Future<T> implements Awaitable<T> {

    private static final int PENDING = 0;
    private static final int FINISHED = 1;
    private static final int CANCELLED = 2;

    final EventLoop loop;
    private int state;
    private T result;
    private Throwable exception;
    private UnretrievedException unretrieved;
    /** The only callback, in the common case of one waiting task; else {@code null}. */
    private Runnable callback;
    /** All callbacks, in order, once there has been more than one. */
    private ArrayList<Runnable> callbacks;

    Future(EventLoop loop) {
        this.loop = loop;
    }

    /**
     * Completes this future with {@code value} and schedules its callbacks.
     *
     * @throws IllegalStateException if it is already done
     */
    public void setResult(T value) {
        checkPending("setResult");
        this.result = value;
        finish(FINISHED);
    }

    /**
     * Completes this future with {@code exception} and schedules its callbacks.
     *
     * @throws IllegalStateException if it is already done
     */
    public void setException(Throwable exception) {
        Objects.requireNonNull(exception, "exception");
        checkPending("setException");
        this.exception = exception;
        finish(FINISHED);
        if (!(exception instanceof CancellationException)) {
            unretrieved = UnretrievedException.watch(this, exception);
        }
    }

    /**
     * Cancels this future and schedules its callbacks.
     *
     * @return {@code false} if it was already done
     */
    public boolean cancel() {
        assert loop.isLoopThread() : "Future.cancel called off the loop thread";
        if (state != PENDING) {
            return false;
        }
        finish(CANCELLED);
        return true;
    }

    /** Whether this future has a result, an exception, or was cancelled. */
    public boolean isDone() {
        return state != PENDING;
    }

    /** Whether this future was cancelled. */
    public boolean isCancelled() {
        return state == CANCELLED;
    }

    /**
     * The result: the value, or else the exception thrown unchanged (checked ones too, undeclared).
     *
     * @throws IllegalStateException if this future is not done yet
     * @throws CancellationException if it was cancelled
     */
    public T result() {
        checkDone("result");
        if (exception != null) {
            markRetrieved();
            throw Throwing.sneaky(exception);
        }
        return result;
    }

    /**
     * The exception this future finished with, or {@code null} if it finished with a value.
     *
     * @throws IllegalStateException if this future is not done yet
     * @throws CancellationException if it was cancelled
     */
    public Throwable exception() {
        checkDone("exception");
        markRetrieved();
        return exception;
    }

    /**
     * Schedules {@code callback}, with this future as its argument, on the loop when this future is
     * done; at once if it already is. A task passes itself, so a {@code Task<T>}'s callbacks receive
     * the task, typed as the {@code Future<T>} it is.
     */
    public void addDoneCallback(Consumer<? super Future<T>> callback) {
        Objects.requireNonNull(callback, "callback");
        DoneCallback<T> scheduled = new DoneCallback<>(this, callback);
        if (isDone()) {
            loop.callSoon(scheduled);
        } else {
            addCallback(scheduled);
        }
    }

    /**
     * Removes every registration of {@code callback} that has not been scheduled yet.
     *
     * @return how many were removed
     */
    public int removeDoneCallback(Consumer<? super Future<T>> consumer) {
        assert loop.isLoopThread() : "Future.removeDoneCallback called off the loop thread";
        int removed = 0;
        if (callback instanceof DoneCallback<?> only && only.consumer().equals(consumer)) {
            callback = null;
            removed++;
        }
        if (callbacks != null) {
            int before = callbacks.size();
            callbacks.removeIf(r -> r instanceof DoneCallback<?> done && done.consumer().equals(consumer));
            removed += before - callbacks.size();
        }
        return removed;
    }

    /** Makes {@code wakeup} (a task's next step) a callback, with no allocation in the usual case. */
    void addWakeup(Runnable wakeup) {
        addCallback(wakeup);
    }

    /** Cancels at once: how a task ends when its coroutine lets a cancellation out. */
    final void cancelNow() {
        finish(CANCELLED);
    }

    /** What {@link #toString()} shows for the state: pending, cancelled, or the result. */
    final String describeState() {
        if (state == PENDING) {
            return "pending";
        }
        if (state == CANCELLED) {
            return "cancelled";
        }
        return exception != null ? "exception=" + exception : "result=" + result;
    }

    @Override
    public String toString() {
        return "Future[" + describeState() + "]";
    }

    private void addCallback(Runnable scheduled) {
        assert loop.isLoopThread() : "Future.addDoneCallback called off the loop thread";
        if (callback == null && callbacks == null) {
            callback = scheduled;
            return;
        }
        if (callbacks == null) {
            callbacks = new ArrayList<>(4);
            callbacks.add(callback);
            callback = null;
        }
        callbacks.add(scheduled);
    }

    private void finish(int done) {
        state = done;
        if (callback != null) {
            loop.callSoon(callback);
            callback = null;
        }
        if (callbacks != null) {
            for (Runnable scheduled : callbacks) {
                loop.callSoon(scheduled);
            }
            callbacks = null;
        }
    }

    private void checkPending(String operation) {
        assert loop.isLoopThread() : "Future." + operation + " called off the loop thread";
        if (state != PENDING) {
            throw new IllegalStateException(operation + " on a future that is already done: " + this);
        }
    }

    private void checkDone(String operation) {
        assert loop.isLoopThread() : "Future." + operation + " called off the loop thread";
        if (state == PENDING) {
            throw new IllegalStateException(operation + "() of a future that is not done yet: " + this);
        }
        if (state == CANCELLED) {
            throw new CancellationException(this + " was cancelled");
        }
    }

    private void markRetrieved() {
        if (unretrieved != null) {
            unretrieved.retrieved();
            unretrieved = null;
        }
    }

    /** A user's done callback, bound to the future it receives. */
    private record DoneCallback<T>(Future<T> future, Consumer<? super Future<T>> consumer) implements Runnable {
        @Override
        public void run() {
            consumer.accept(future);
        }
    }
}
