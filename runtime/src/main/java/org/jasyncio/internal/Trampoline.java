package org.jasyncio.internal;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

import org.jasyncio.Coroutine;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;
import org.jasyncio.TimerHandle;

/**
 * The resume loop of one task: runs the task's chain of frames, one step per event loop callback.
 * Not for user code; each {@code org.jasyncio.Task} has a private subclass of it.
 *
 * <p>A task's frames form a chain through {@link AsyncFrame#caller}, from the innermost suspended
 * frame ({@code current}) out to the frame the task was created with. A step resumes
 * {@code current}; when a frame finishes, its value or exception is delivered to its caller, which is
 * resumed next, in the same loop, so resuming a chain never recurses once per frame. An awaited
 * coroutine runs inline, by a direct call, until {@value #MAX_INLINE_DEPTH} calls are nested; the next
 * one is started by this loop instead, after its callers have unwound, so that unbounded async
 * recursion cannot overflow the Java stack.
 *
 * <p>Invariant (asyncio's): either {@code waiter} is {@code null} and a step is scheduled or running,
 * or {@code waiter} is what schedules the next step when it completes: a {@link Future} this object
 * is a done callback of, a {@link TimerHandle} (a sleep) or a {@link CompletionStage}.
 *
 * <p>Thread rule: everything runs on the loop thread, except the completion of an awaited
 * {@code CompletionStage}, which only hands its outcome over with {@link EventLoop#callSoonThreadsafe}.
 */
public abstract class Trampoline implements Runnable {

    /** How many awaited coroutines may run nested in direct calls before the next one is bounced. */
    static final int MAX_INLINE_DEPTH = 128;

    /** The loop this task runs on. */
    protected final EventLoop loop;

    private AsyncFrame<?> current;
    private int depth;
    private boolean startCurrent;
    private boolean started;
    private boolean mustCancel;
    private Object waiter;
    private Object value;
    private Throwable failure;

    /** A trampoline for a task on {@code loop}; {@link #start} gives it its coroutine. */
    protected Trampoline(EventLoop loop) {
        this.loop = loop;
    }

    /**
     * Claims {@code root}, the coroutine the task runs, and schedules the first step, which starts it.
     *
     * @throws IllegalArgumentException if {@code root} was not made by an {@code @Async} method
     * @throws IllegalStateException if {@code root} was awaited or scheduled before
     */
    protected final void start(Coroutine<?> root) {
        if (!(root instanceof AsyncFrame<?> frame)) {
            throw new IllegalArgumentException("not a coroutine of an @Async method: " + root.getClass().getName());
        }
        frame.claim(this, null);
        current = frame;
        loop.callSoon(this);
    }

    /** The task this trampoline drives, to reject a task awaiting itself. */
    protected abstract Future<?> task();

    /** Makes this trampoline a done callback of {@code future}: {@link #run} is scheduled when it completes. */
    protected abstract void wakeWhenDone(Future<?> future);

    /** Completes the task with the outcome of its outermost frame: {@code exception}, or else {@code value}. */
    protected abstract void complete(Object value, Throwable exception);

    /**
     * Requests cancellation, as asyncio's {@code Task.cancel}: a cancellable waiter is cancelled, which
     * wakes the task with its {@code CancellationException}; otherwise the next step throws one at the
     * {@code await} where the task is suspended, or the task ends cancelled if it has not started.
     */
    public final void requestCancel() {
        mustCancel = true;
        interruptWaiter();
    }

    /** One step: delivers what the task was woken with, then resumes frames until one suspends. */
    @Override
    public final void run() {
        Object woken = waiter;
        waiter = null;
        if (woken instanceof Future<?> future) {
            takeOutcome(future);
        }
        if (mustCancel) {
            mustCancel = false;
            value = null;
            failure = new CancellationException("task was cancelled");
        }
        if (!started) {
            started = true;
            if (failure != null) {
                finish(null, takeFailure());
                return;
            }
        }
        AsyncFrame<?> frame = current;
        for (;;) {
            depth = 0;
            Object result;
            Throwable thrown = null;
            try {
                result = frame.resume();
            } catch (Throwable t) {
                result = null;
                thrown = t;
            }
            if (result == Await.SUSPENDED) {
                if (startCurrent) {
                    startCurrent = false;
                    frame = current;
                    continue;
                }
                if (mustCancel) {
                    interruptWaiter();
                }
                return;
            }
            AsyncFrame<?> caller = frame.caller;
            if (caller == null) {
                finish(result, thrown);
                return;
            }
            value = result;
            failure = thrown;
            frame = caller;
        }
    }

    /** Runs {@code callee}, awaited by {@code frame}: inline, or bounced to this loop when nested too deep. */
    final Object call(AsyncFrame<?> callee, AsyncFrame<?> frame) {
        callee.claim(this, frame);
        if (depth >= MAX_INLINE_DEPTH) {
            current = callee;
            startCurrent = true;
            return Await.SUSPENDED;
        }
        depth++;
        try {
            return callee.resume();
        } finally {
            depth--;
        }
    }

    /** Suspends {@code frame} until the pending {@code future} completes. */
    final Object waitFor(Future<?> future, AsyncFrame<?> frame) {
        if (future == task()) {
            throw new IllegalStateException("a task cannot await itself: " + future);
        }
        wakeWhenDone(future);
        return suspend(future, frame);
    }

    /** Suspends {@code frame} until {@code stage} completes, on whatever thread that happens. */
    final Object waitFor(CompletionStage<?> stage, AsyncFrame<?> frame) {
        suspend(stage, frame);
        stage.whenComplete((result, exception) -> loop.callSoonThreadsafe(() -> wake(stage, result, exception)));
        return Await.SUSPENDED;
    }

    /** Suspends {@code frame} for {@code delay}; a delay of zero or less only yields to the other ready callbacks. */
    final Object sleep(Duration delay, AsyncFrame<?> frame) {
        if (delay.isZero() || delay.isNegative()) {
            current = frame;
            loop.callSoon(this);
            return Await.SUSPENDED;
        }
        return suspend(loop.callLater(delay, this), frame);
    }

    /** The outcome delivered to the frame being resumed: returns the value or throws the exception. */
    final Object takeDelivered() {
        if (failure != null) {
            throw Throwing.sneaky(takeFailure());
        }
        Object delivered = value;
        value = null;
        return delivered;
    }

    /** The cause a {@code CompletionStage} failed with, without the wrappers the JDK adds. */
    static Throwable unwrap(Throwable exception) {
        Throwable cause = exception;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private Object suspend(Object on, AsyncFrame<?> frame) {
        waiter = on;
        current = frame;
        return Await.SUSPENDED;
    }

    private void wake(CompletionStage<?> stage, Object result, Throwable exception) {
        if (waiter != stage) {
            return;
        }
        waiter = null;
        value = result;
        failure = exception == null ? null : unwrap(exception);
        run();
    }

    private void interruptWaiter() {
        Object on = waiter;
        if (on instanceof Future<?> future) {
            if (future.cancel()) {
                mustCancel = false;
            }
        } else if (on != null) {
            if (on instanceof TimerHandle timer) {
                timer.cancel();
            }
            waiter = null;
            loop.callSoon(this);
        }
    }

    private void takeOutcome(Future<?> future) {
        if (future.isCancelled()) {
            value = null;
            failure = new CancellationException("awaited future was cancelled: " + future);
            return;
        }
        failure = future.exception();
        value = failure == null ? future.result() : null;
    }

    private Throwable takeFailure() {
        Throwable taken = failure;
        failure = null;
        return taken;
    }

    private void finish(Object result, Throwable exception) {
        current = null;
        complete(result, exception);
    }
}
