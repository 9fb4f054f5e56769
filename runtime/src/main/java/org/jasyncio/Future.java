package org.jasyncio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

    private static final byte PENDING = 0;
    private static final byte FINISHED = 1;
    private static final byte FAILED = 2;
    private static final byte CANCELLED = 3;

    final EventLoop loop;
    private byte state;
    /**
     * The value; when {@link #FAILED}, the exception, or until it is retrieved the
     * {@link UnretrievedException} that reports it otherwise (one field for both keeps every future,
     * and every task, 4 bytes smaller); the cancellation's message, if any, when {@link #CANCELLED}.
     */
    private Object result;
    /**
     * What to notify when done, in order: {@code null}, one callback, or an {@code ArrayList} of
     * them. A callback is a user's {@link DoneCallback}, a waiting {@link Task}, or a
     * {@link GatheringFuture}, so that the usual cases allocate nothing.
     */
    private Object callbacks;

    /**
     * A pending future on {@code loop}. For the runtime's own kinds of future (tasks, gathers); user
     * code makes futures with {@link EventLoop#createFuture()}.
     */
    protected Future(EventLoop loop) {
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
        this.result = exception;
        // Watched once failed, and before the callbacks hear of it: a watcher told at once may retrieve it.
        state = FAILED;
        if (!(exception instanceof CancellationException)) {
            result = UnretrievedException.watch(this, exception);
        }
        finish(FAILED);
    }

    /**
     * Cancels this future and schedules its callbacks: {@link #cancel(String)} with no message, which
     * is what a kind of future overrides.
     *
     * @return {@code false} if it was already done
     */
    public final boolean cancel() {
        return cancel(null);
    }

    /**
     * Cancels this future, as {@link #cancel()}; the {@link CancellationException} that
     * {@link #result()} and awaiting then throw carries {@code message}, as asyncio's
     * {@code cancel(msg)}.
     *
     * @return {@code false} if it was already done
     */
    public boolean cancel(String message) {
        assert loop.isLoopThread() : "Future.cancel called off the loop thread";
        if (state != PENDING) {
            return false;
        }
        result = message;
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
    @SuppressWarnings("unchecked")
    public T result() {
        checkDone("result");
        if (state == FAILED) {
            throw Throwing.sneaky(retrieve());
        }
        return (T) result;
    }

    /**
     * The exception this future finished with, or {@code null} if it finished with a value.
     *
     * @throws IllegalStateException if this future is not done yet
     * @throws CancellationException if it was cancelled
     */
    public Throwable exception() {
        checkDone("exception");
        return state == FAILED ? retrieve() : null;
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
        if (callbacks instanceof ArrayList<?> many) {
            int before = many.size();
            many.removeIf(callback -> isRegistration(callback, consumer));
            return before - many.size();
        }
        if (isRegistration(callbacks, consumer)) {
            callbacks = null;
            return 1;
        }
        return 0;
    }

    /** Makes {@code task}'s next step a callback, with no allocation in the usual case. */
    void addWakeup(Task<?> task) {
        addCallback(task);
    }

    /** Makes {@code watcher} a callback: told at once when this future is done, with no allocation. */
    void addWatcher(ChildWatcher watcher) {
        addCallback(watcher);
    }

    /** Removes {@code watcher}, if it is still registered: it will not be told. */
    void removeWatcher(ChildWatcher watcher) {
        if (callbacks == watcher) {
            callbacks = null;
        } else if (callbacks instanceof ArrayList<?> many) {
            many.remove(watcher);
        }
    }

    /** The tasks waiting for this future, directly or through a gather, for {@link CallGraph}. */
    List<Task<?>> awaitingTasks() {
        List<Task<?>> tasks = new ArrayList<>();
        for (Object callback : callbacks instanceof ArrayList<?> many ? many : Arrays.asList(callbacks)) {
            if (callback instanceof Task<?> task) {
                tasks.add(task);
            } else if (callback instanceof GatheringFuture<?> gather) {
                tasks.addAll(gather.awaitingTasks());
            }
        }
        return tasks;
    }

    /** Cancels at once: how a task ends when its coroutine lets {@code cancellation} out. */
    final void cancelNow(CancellationException cancellation) {
        result = cancellation.getMessage();
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
        return state == FAILED ? "exception=" + failure() : "result=" + result;
    }

    @Override
    public String toString() {
        return "Future[" + describeState() + "]";
    }

    private void addCallback(Object callback) {
        assert loop.isLoopThread() : "Future.addDoneCallback called off the loop thread";
        if (callbacks == null) {
            callbacks = callback;
        } else if (callbacks instanceof ArrayList<?>) {
            @SuppressWarnings("unchecked")
            ArrayList<Object> many = (ArrayList<Object>) callbacks;
            many.add(callback);
        } else {
            ArrayList<Object> many = new ArrayList<>(4);
            many.add(callbacks);
            many.add(callback);
            callbacks = many;
        }
    }

    private void finish(byte done) {
        state = done;
        Object notified = callbacks;
        if (notified == null) {
            return;
        }
        callbacks = null;
        if (notified instanceof ArrayList<?> many) {
            for (Object callback : many) {
                tell(callback);
            }
        } else {
            tell(notified);
        }
    }

    /** A watcher (a gather, a task group) hears of its child at once; the others are scheduled. */
    private void tell(Object callback) {
        if (callback instanceof ChildWatcher watcher) {
            watcher.childDone(this);
        } else {
            loop.schedule(callback);
        }
    }

    private static boolean isRegistration(Object callback, Consumer<?> consumer) {
        return callback instanceof DoneCallback<?> done && done.consumer().equals(consumer);
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
            throw new CancellationException(result != null ? (String) result : this + " was cancelled");
        }
    }

    /** The exception of a failed future, now retrieved: it will not be reported. */
    private Throwable retrieve() {
        if (result instanceof UnretrievedException report) {
            report.retrieved();
            result = report.exception();
        }
        return (Throwable) result;
    }

    /** The exception of a failed future, retrieved or not. */
    private Throwable failure() {
        return result instanceof UnretrievedException report ? report.exception() : (Throwable) result;
    }

    /** A user's done callback, bound to the future it receives. */
    private record DoneCallback<T>(Future<T> future, Consumer<? super Future<T>> consumer) implements Runnable {
        @Override
        public void run() {
            consumer.accept(future);
        }
    }
}
