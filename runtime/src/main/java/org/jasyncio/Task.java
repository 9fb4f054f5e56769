package org.jasyncio;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;

import org.jasyncio.internal.AsyncFrame;
import org.jasyncio.internal.Trampoline;

/**
 * A coroutine scheduled to run on an event loop, as asyncio's {@code Task}: a {@link Future} whose
 * result is the coroutine's. Made by {@link Asyncio#createTask}, {@link EventLoop#createTask} and the
 * combinators; the coroutine's first step is scheduled at once.
 *
 * <table>
 *   <caption>States</caption>
 *   <tr><th>state</th><th>meaning</th></tr>
 *   <tr><td>scheduled</td><td>its next step is in the loop's ready queue (or running)</td></tr>
 *   <tr><td>waiting</td><td>suspended at an {@code await} on a pending future, task, timer or
 *       {@code CompletionStage}, which schedules the next step when it completes, or in the line of
 *       a lock, event, condition, semaphore, barrier or queue, which schedules it when it wakes the
 *       task</td></tr>
 *   <tr><td>done</td><td>finished with the coroutine's value or exception, or cancelled (when the
 *       coroutine ended with a {@link CancellationException}, or was cancelled before it started)</td></tr>
 * </table>
 * Invariant, as asyncio's: either the task waits on nothing and its step is scheduled or running, or
 * it waits on exactly one thing and its step is not scheduled.
 *
 * <p>{@link #cancel()} requests cancellation and returns; the coroutine sees a
 * {@code CancellationException} thrown at the {@code await} where it is suspended, so its
 * {@code finally} blocks run. A coroutine that catches it and finishes normally leaves the task not
 * cancelled, as in asyncio.
 *
 * <p>Done callbacks ({@link #addDoneCallback}) receive the task itself, typed as {@code Future<T>}
 * (Java has no self types); {@code task.addDoneCallback(t -> log(t.result()))} works as written, and
 * a callback that needs the {@code Task} type can capture the task. A task cannot be completed from
 * outside: {@link #setResult} and {@link #setException} throw {@link UnsupportedOperationException}.
 *
 * <p>A task is one object: its future, the resume loop of its coroutine's frames (inherited from
 * the runtime's internal {@code Trampoline}, not for user code), its place in the loop's list of
 * pending tasks and, while it sleeps, in the loop's timers.
 *
 * <p>Thread rule: loop-thread only.
 *
 * @param <T> the type of the coroutine's result
 */
public final class Task<T> extends Trampoline<T> {

    /** The neighbours in the loop's list of tasks that are not done. */
    Task<?> previous;
    Task<?> next;
    /** The sequence of the task's latest entry in the loop's timers; live only while it sleeps. */
    int timerSequence;
    /** Position among the running tasks of its {@link TaskGroup}, if it is in one. */
    int groupIndex = -1;
    /** The task's {@link ContextVar} values: current while its steps run, kept between them. */
    Context context;

    /** The name given, or {@code null} until {@link #getName()} first makes the default from {@link #number}. */
    private String name;
    /** The task's number on its loop, for its default name. */
    private final int number;

    Task(EventLoop loop, Coroutine<T> coroutine, String name, int number, Context context) {
        super(loop);
        this.name = name;
        this.number = number;
        this.context = context;
        start(coroutine);
    }

    /**
     * Requests cancellation, as asyncio's {@code Task.cancel(msg)}: the coroutine is thrown a
     * {@link CancellationException} carrying {@code message} at the {@code await} where it is
     * suspended, on the task's next step. The task is cancelled once the coroutine lets that exception
     * out. Each call that returns {@code true} counts as one request ({@link #cancelling()});
     * {@link #cancel()} is this with no message.
     *
     * @return {@code false} if the task is already done
     */
    @Override
    public boolean cancel(String message) {
        loop().checkThread("Task.cancel");
        if (isDone()) {
            return false;
        }
        requestCancel(message);
        return true;
    }

    /**
     * How many cancellation requests are pending: those {@link #cancel()} made, less those
     * {@link #uncancel()} took back, as asyncio's {@code Task.cancelling()}. Scopes such as
     * {@link Asyncio#timeout} and {@link Asyncio#taskGroup} compare it with what it was when they
     * started, to tell their own cancellation from one that comes from outside.
     */
    public int cancelling() {
        return cancelRequests();
    }

    /**
     * Takes back one cancellation request, as asyncio's {@code Task.uncancel()}: a scope that
     * cancelled its own task, and handled the {@link CancellationException}, calls it so that an
     * enclosing scope does not take the cancellation for its own. When no request is left, a
     * cancellation requested but not yet thrown at an {@code await} is dropped.
     *
     * @return the number of requests still pending
     */
    public int uncancel() {
        loop().checkThread("Task.uncancel");
        return takeBackCancel();
    }

    /** The task's name: the one given when it was made or by {@link #setName}, else {@code Task-N}. */
    public String getName() {
        if (name == null) {
            name = "Task-" + number;
        }
        return name;
    }

    /** Renames the task. */
    public void setName(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /** Not supported: a task's result is its coroutine's. */
    @Override
    public void setResult(T value) {
        throw new UnsupportedOperationException("a task's result comes from its coroutine: " + this);
    }

    /** Not supported: a task's exception is its coroutine's. */
    @Override
    public void setException(Throwable exception) {
        throw new UnsupportedOperationException("a task's exception comes from its coroutine: " + this);
    }

    @Override
    public String toString() {
        return "Task[" + getName() + ", " + rootFrame() + ", " + self().describeState() + "]";
    }

    /** Runs the task's next step; the event loop calls it for the task's entries in its ready queue. */
    void runStep() {
        step();
    }

    /** The innermost frame of the task's coroutine: where it is suspended, or was last. */
    String whereSuspended() {
        return String.valueOf(currentFrame());
    }

    /** Whether the task still sleeps on its entry of sequence {@code sequence} in the loop's timers. */
    boolean sleepsOn(int sequence) {
        return timerSequence == sequence && isSleeping();
    }

    /** Its timer is due: the task no longer sleeps, and its step is about to be queued. */
    void timerFired() {
        wokenByTimer();
    }

    /** Whether the task is still to start {@code coroutine}: a gather given one coroutine twice reuses its task. */
    boolean isAboutToStart(Coroutine<?> coroutine) {
        return currentFrame() == coroutine && !isDone();
    }

    @Override
    protected EventLoop loop() {
        return self().loop;
    }

    @Override
    protected void schedule() {
        loop().schedule(this);
    }

    @Override
    protected AsyncFrame<?> exchangeLinked(AsyncFrame<?> frame) {
        EventLoop loop = loop();
        AsyncFrame<?> last = loop.linkedLast;
        loop.linkedLast = frame;
        return last;
    }

    @Override
    protected void scheduleAfter(Duration delay) {
        loop().scheduleAfter(this, delay);
    }

    @Override
    protected void unscheduleTimer() {
        loop().timerCancelled();
    }

    @Override
    protected void wakeWhenDone(Future<?> future) {
        if (future.loop != loop()) {
            throw new IllegalStateException(this + " on " + loop() + " awaits " + future + " of another loop, "
                    + future.loop + ": a task awaits only futures and tasks of its own loop; hand results"
                    + " between loops with callSoonThreadsafe or Asyncio.runCoroutineThreadsafe");
        }
        future.addWakeup(this);
    }

    @Override
    @SuppressWarnings("unchecked")
    protected void complete(Object value, Throwable exception) {
        loop().taskDone(this);
        if (exception == null) {
            super.setResult((T) value);
        } else if (exception instanceof CancellationException cancellation) {
            self().cancelNow(cancellation);
        } else {
            super.setException(exception);
        }
    }

    /**
     * This task as the {@link Future} it is: members that {@code Future} keeps to its package are not
     * inherited through the runtime's {@code Trampoline}, which lies in another package, but they
     * are reachable through a reference of type {@code Future}.
     */
    private Future<T> self() {
        return this;
    }
}
