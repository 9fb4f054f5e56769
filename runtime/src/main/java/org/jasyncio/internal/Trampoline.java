package org.jasyncio.internal;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

import org.jasyncio.Coroutine;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;

/**
 * The resume loop of one task: runs the task's chain of frames, one step per event loop callback.
 * Not for user code: {@code org.jasyncio.Task} is its only subclass. It is the task's own base
 * class, between {@link Future} and {@code Task}, so that a task is one object: its future, its
 * resume loop, and its place in the loop's timers while it sleeps.
 *
 * <p>A task's frames form a chain through {@link AsyncFrame#caller}, from the innermost suspended
 * frame ({@code current}) out to the frame the task was created with. A step resumes
 * {@code current}; when a frame finishes, its value or exception is delivered to its caller, which is
 * resumed next, in the same loop, so resuming a chain never recurses once per frame. An awaited
 * coroutine runs inline, by a direct call, until {@value #MAX_INLINE_DEPTH} calls are nested; the next
 * one is started by this loop instead, after its callers have unwound, so that unbounded async
 * recursion cannot overflow the Java stack.
 *
 * <p>The chain is built as a step unwinds from a suspension, not as calls are made: a method called
 * through its direct entry has no frame until it suspends. Each frame that suspends links itself
 * ({@link #linkSuspended}), innermost first: the first becomes {@code current}, each later one the
 * caller of the one before. A frame resumed from the chain keeps the caller it had.
 *
 * <p>Invariant (asyncio's): either {@code waiter} is {@code null} and a step is scheduled or running,
 * or {@code waiter} is what schedules the next step when it completes: a {@link Future} this object
 * is a done callback of, the loop's timers (a sleep), a {@link WaitingFrame} parked in a primitive's
 * {@link Waiters}, or a {@link CompletionStage}.
 *
 * <p>Thread rule: everything runs on the loop thread, except the completion of an awaited
 * {@code CompletionStage}, which only hands its outcome over with {@link EventLoop#callSoonThreadsafe}.
 */
public abstract class Trampoline<T> extends Future<T> {

    /** How many awaited coroutines may run nested in direct calls before the next one is bounced. */
    static final int MAX_INLINE_DEPTH = 128;

    /** The waiter while the task sleeps: its own entry in the loop's timers wakes it. */
    private static final Object SLEEPING = new Object();

    private static final byte STARTED = 1;
    private static final byte START_CURRENT = 2;
    private static final byte MUST_CANCEL = 4;
    private static final byte DELIVERED_FAILURE = 8;

    private AsyncFrame<?> current;
    private Object waiter;
    /** The cancellation requests, made at the first: most tasks are never cancelled, and carry no fields for it. */
    private CancelRequests cancelRequests;
    /** The value, or with {@link #DELIVERED_FAILURE} the exception, for the frame resumed next. */
    private Object delivered;
    private short depth;
    private byte flags;

    /** A task on {@code loop}; {@link #start} gives it its coroutine. */
    protected Trampoline(EventLoop loop) {
        super(loop);
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
        schedule();
    }

    /** Queues this task's next step in the loop's ready queue. */
    protected abstract void schedule();

    /** Queues this task's next step once {@code delay} has passed, in the loop's timers. */
    protected abstract void scheduleAfter(Duration delay);

    /** Notes that this task, sleeping in the loop's timers, was woken early: its entry there is stale. */
    protected abstract void unscheduleTimer();

    /** Makes this task a done callback of {@code future}: its next step is scheduled when it completes. */
    protected abstract void wakeWhenDone(Future<?> future);

    /** Completes the task with the outcome of its outermost frame: {@code exception}, or else {@code value}. */
    protected abstract void complete(Object value, Throwable exception);

    /** Whether this task sleeps: its entry in the loop's timers, not yet due, is what wakes it. */
    protected final boolean isSleeping() {
        return waiter == SLEEPING;
    }

    /**
     * Its entry in the loop's timers is due and its step is being queued: the task no longer sleeps,
     * so that a cancellation before the step runs does not queue a second step.
     */
    protected final void wokenByTimer() {
        waiter = null;
    }

    /** The innermost frame: the one that runs or will run next, or, once the task is done, its coroutine. */
    protected final AsyncFrame<?> currentFrame() {
        return current;
    }

    /** The coroutine the task runs: the outermost frame of its chain. */
    protected final AsyncFrame<?> rootFrame() {
        AsyncFrame<?> frame = current;
        while (frame != null && frame.caller != null) {
            frame = frame.caller;
        }
        return frame;
    }

    /**
     * Requests cancellation, as asyncio's {@code Task.cancel(msg)}: counts the request, then cancels a
     * cancellable waiter, which wakes the task with its {@code CancellationException}; otherwise the
     * next step throws one at the {@code await} where the task is suspended, or the task ends
     * cancelled if it has not started.
     *
     * @param message what the {@code CancellationException} says; {@code null} for the default
     */
    protected final void requestCancel(String message) {
        if (cancelRequests == null) {
            cancelRequests = new CancelRequests();
        }
        cancelRequests.count++;
        cancelRequests.message = message;
        flags |= MUST_CANCEL;
        interruptWaiter();
    }

    /** How many cancellation requests are pending, as asyncio's {@code Task.cancelling()}. */
    protected final int cancelRequests() {
        return cancelRequests == null ? 0 : cancelRequests.count;
    }

    /**
     * Takes back one cancellation request, as asyncio's {@code Task.uncancel()}: when none is left, a
     * cancellation requested but not yet thrown into the coroutine is dropped.
     *
     * @return the requests still pending
     */
    protected final int takeBackCancel() {
        if (cancelRequests == null) {
            return 0;
        }
        if (cancelRequests.count > 0 && --cancelRequests.count == 0) {
            flags &= ~MUST_CANCEL;
        }
        return cancelRequests.count;
    }

    /** One step: delivers what the task was woken with, then resumes frames until one suspends. */
    protected final void step() {
        Object woken = waiter;
        waiter = null;
        if (woken instanceof Future<?> future) {
            takeOutcome(future);
        }
        if ((flags & MUST_CANCEL) != 0) {
            flags &= ~MUST_CANCEL;
            deliverFailure(cancellation());
        }
        if ((flags & STARTED) == 0) {
            flags |= STARTED;
            if ((flags & DELIVERED_FAILURE) != 0) {
                finish(current, null, takeFailure());
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
                exchangeLinked(null); // in case it was thrown while frames were linking themselves
            }
            if (result == Await.SUSPENDED) {
                exchangeLinked(null);
                if ((flags & START_CURRENT) != 0) {
                    flags &= ~START_CURRENT;
                    frame = current;
                    continue;
                }
                if ((flags & MUST_CANCEL) != 0) {
                    interruptWaiter();
                }
                return;
            }
            AsyncFrame<?> caller = frame.caller;
            if (caller == null) {
                finish(frame, result, thrown);
                return;
            }
            if (thrown != null) {
                AsyncStackTraces.awaitedBy(thrown, frame, caller);
                deliverFailure(thrown);
            } else {
                delivered = result;
            }
            frame = caller;
        }
    }

    /**
     * Runs {@code callee}, awaited by a frame of this task: inline, or bounced to this loop when nested
     * too deep. The awaiting frame becomes the callee's caller when it links itself on suspending.
     *
     * <p>The depth is put back as it was, not decremented, and not when {@code callee} throws: the
     * JIT then drops both stores when it inlines a callee that completes at once. A throw leaves the
     * depth too high, which can only bounce a call sooner; every frame this loop resumes starts from
     * zero again.
     */
    final Object call(AsyncFrame<?> callee) {
        callee.claim(this, null);
        short outer = depth;
        if (tooDeep(outer)) {
            return bounce(callee);
        }
        depth = (short) (outer + 1);
        Object result = callee.resume();
        depth = outer;
        return result;
    }

    /** Whether calls nested {@code depth} deep may not nest one more: it must be bounced. */
    static boolean tooDeep(int depth) {
        return depth >= MAX_INLINE_DEPTH;
    }

    /** How many awaited coroutines run nested in direct calls now, in this step. */
    final int depth() {
        return depth;
    }

    /** Sets how many awaited coroutines run nested: one more around a direct call, as it was after it. */
    final void setDepth(int depth) {
        this.depth = (short) depth;
    }

    /**
     * Starts {@code callee} (claimed by this task) from this loop, after the frames that awaited it
     * have unwound and linked themselves: so unbounded async recursion cannot overflow the Java stack.
     */
    final Object bounce(AsyncFrame<?> callee) {
        if (callee.driver == null) {
            callee.claim(this, null);
        }
        current = callee;
        exchangeLinked(callee);
        flags |= START_CURRENT;
        return Await.SUSPENDED;
    }

    /**
     * Links {@code frame}, which is suspending: the frame that suspended before it in this step, if
     * any, is awaited by it; the first to suspend is the one the task resumes next. Every frame calls
     * this as it suspends, innermost first, so a frame made only at its first suspension (a coroutine
     * called directly, with no frame until then) joins its callers' chain as it unwinds. The frame is
     * this task's already ({@link Await#linkSuspended} claims one made at its first suspension): small,
     * so that the JIT inlines it into every save block.
     */
    final void linkSuspended(AsyncFrame<?> frame) {
        AsyncFrame<?> inner = exchangeLinked(frame);
        if (inner == null) {
            current = frame;
        } else {
            inner.caller = frame;
        }
    }

    /**
     * While a step unwinds from a suspension, the outermost frame linked so far, whose caller the
     * next frame to suspend becomes ({@link #linkSuspended}); {@code null} before the first. Sets it
     * to {@code frame} and returns what it was. Kept by the loop, not the task: one step runs at a
     * time, and a task is one object per coroutine in flight, where every field counts.
     */
    protected abstract AsyncFrame<?> exchangeLinked(AsyncFrame<?> frame);

    /**
     * Suspends the task until the pending {@code future} completes. Here and in the other waits, the
     * frame that waits links itself next ({@link #linkSuspended}).
     */
    final Object waitFor(Future<?> future) {
        if (future == this) {
            throw new IllegalStateException("a task cannot await itself: " + future);
        }
        wakeWhenDone(future);
        waiter = future;
        return Await.SUSPENDED;
    }

    /** Suspends the task until {@code stage} completes, on whatever thread that happens. */
    final Object waitFor(CompletionStage<?> stage) {
        waiter = stage;
        stage.whenComplete((result, exception) -> loop().callSoonThreadsafe(() -> wake(stage, result, exception)));
        return Await.SUSPENDED;
    }

    /** Suspends the task for {@code delay}; a delay of zero or less only yields to the other ready callbacks. */
    final Object sleep(Duration delay) {
        if (delay.isZero() || delay.isNegative()) {
            schedule();
        } else {
            waiter = SLEEPING;
            scheduleAfter(delay);
        }
        return Await.SUSPENDED;
    }

    /** Suspends {@code frame}, parked in a {@link Waiters} queue, until it is woken or the task cancelled. */
    final Object park(WaitingFrame<?> frame) {
        waiter = frame;
        linkSuspended(frame);
        return Await.SUSPENDED;
    }

    /** Wakes this task, parked in a {@link Waiters} queue: its next step resumes the parked frame. */
    final void unpark() {
        waiter = null;
        schedule();
    }

    /** The outcome delivered to the frame being resumed: returns the value or throws the exception. */
    final Object takeDelivered() {
        if ((flags & DELIVERED_FAILURE) != 0) {
            throw Throwing.sneaky(takeFailure());
        }
        Object value = delivered;
        delivered = null;
        return value;
    }

    /** The loop this task runs on. */
    protected abstract EventLoop loop();

    /** The cause a {@code CompletionStage} failed with, without the wrappers the JDK adds. */
    static Throwable unwrap(Throwable exception) {
        Throwable cause = exception;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private void wake(CompletionStage<?> stage, Object result, Throwable exception) {
        if (waiter != stage) {
            return;
        }
        waiter = null;
        if (exception != null) {
            deliverFailure(unwrap(exception));
        } else {
            delivered = result;
        }
        // A step of its own, so that the loop runs it as the task's (current task, context, timing).
        schedule();
    }

    private CancellationException cancellation() {
        String message = cancelRequests != null ? cancelRequests.message : null;
        return new CancellationException(message != null ? message : "task was cancelled");
    }

    private void interruptWaiter() {
        Object on = waiter;
        if (on instanceof Future<?> future) {
            if (future.cancel(cancelRequests.message)) {
                flags &= ~MUST_CANCEL;
            }
        } else if (on != null) {
            if (on == SLEEPING) {
                unscheduleTimer();
            } else if (on instanceof WaitingFrame<?> parked) {
                parked.cancelWait();
            }
            waiter = null;
            schedule();
        }
    }

    /** Delivers {@code future}'s outcome: its value, or the exception {@code result()} throws. */
    private void takeOutcome(Future<?> future) {
        try {
            delivered = future.result();
        } catch (Throwable t) {
            deliverFailure(t);
        }
    }

    private void deliverFailure(Throwable exception) {
        delivered = exception;
        flags |= DELIVERED_FAILURE;
    }

    private Throwable takeFailure() {
        Throwable taken = (Throwable) delivered;
        delivered = null;
        flags &= ~DELIVERED_FAILURE;
        return taken;
    }

    private void finish(AsyncFrame<?> root, Object result, Throwable exception) {
        current = root;
        complete(result, exception);
    }

    /** How many cancellations were requested and not taken back by {@link #takeBackCancel()}, and the latest one's message. */
    private static final class CancelRequests {
        int count;
        String message;
    }
}
