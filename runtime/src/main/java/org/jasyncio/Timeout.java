package org.jasyncio;

import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;

/**
 * The deadline of one {@link Asyncio#timeout} or {@link Asyncio#timeoutAt} scope, as asyncio's
 * {@code Timeout}: the scope's body receives it and may read or move the deadline.
 *
 * <table>
 *   <caption>States</caption>
 *   <tr><th>state</th><th>{@link #expired()}</th><th>{@link #reschedule}</th><th>next</th></tr>
 *   <tr><td>entered</td><td>false</td><td>moves the deadline</td><td>expiring, at the deadline;
 *       exited, when the body ends first</td></tr>
 *   <tr><td>expiring</td><td>true</td><td>throws {@link IllegalStateException}</td><td>expired,
 *       when the body ends</td></tr>
 *   <tr><td>expired</td><td>true</td><td>throws</td><td>none</td></tr>
 *   <tr><td>exited</td><td>false</td><td>throws</td><td>none</td></tr>
 * </table>
 * At the deadline the scope's task is cancelled, at its {@code await}; when the body then ends with
 * that {@link CancellationException}, and no other cancellation of the task is pending, the scope
 * throws {@link TimeoutException} instead. A cancellation from outside stays a
 * {@code CancellationException}.
 *
 * <p>Thread rule: loop-thread only.
 */
public final class Timeout {

    /** {@link #when()} of a timeout without a deadline. */
    static final long NEVER = Long.MAX_VALUE;

    private enum State { ENTERED, EXPIRING, EXPIRED, EXITED }

    private final EventLoop loop;
    private final Task<?> task;
    private final Runnable onDeadline;
    /** The task's cancellation requests when the scope began: its own are those beyond. */
    private final int cancellingBefore;
    private long when;
    private State state = State.ENTERED;
    private TimerHandle timer;

    /** Enters the scope in {@code task}, with the deadline {@code when}; {@code onDeadline} calls {@link #expire()}. */
    Timeout(EventLoop loop, Task<?> task, long when, Runnable onDeadline) {
        this.loop = loop;
        this.task = task;
        this.onDeadline = onDeadline;
        this.cancellingBefore = task.cancelling();
        schedule(when);
    }

    /** The deadline, on the loop's clock ({@link EventLoop#time()}, ns); {@code Long.MAX_VALUE}: none. */
    public long when() {
        return when;
    }

    /**
     * Moves the deadline to {@code when}, on the loop's clock; {@code Long.MAX_VALUE} removes it. A
     * deadline already past expires the scope at the loop's next iteration.
     *
     * @throws IllegalStateException if the scope has expired or ended
     */
    public void reschedule(long when) {
        loop.checkThread("Timeout.reschedule");
        if (state != State.ENTERED) {
            throw new IllegalStateException("cannot reschedule a timeout that has " + (state == State.EXITED
                    ? "ended" : "expired") + ": " + this);
        }
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
        schedule(when);
    }

    /** Whether the deadline has come: the body was, or is being, cancelled by this scope. */
    public boolean expired() {
        return state == State.EXPIRING || state == State.EXPIRED;
    }

    @Override
    public String toString() {
        return "Timeout[" + state.name().toLowerCase(java.util.Locale.ROOT)
                + (when == NEVER ? ", no deadline]" : ", when=" + when + "]");
    }

    /** At the deadline: cancels the task at its {@code await}. */
    void expire() {
        timer = null;
        state = State.EXPIRING;
        task.cancel();
    }

    /**
     * Leaves the scope, whose body ended with {@code failure} ({@code null}: normally), as asyncio's
     * {@code Timeout.__aexit__}: the exception the scope must throw instead, or {@code null}.
     */
    TimeoutException exit(Throwable failure) {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
        if (state == State.EXPIRING) {
            state = State.EXPIRED;
            if (task.uncancel() <= cancellingBefore && failure instanceof CancellationException) {
                TimeoutException timedOut = new TimeoutException("the timeout expired: the deadline "
                        + when + " ns (loop time) passed");
                timedOut.initCause(failure);
                return timedOut;
            }
        } else if (state == State.ENTERED) {
            state = State.EXITED;
        }
        return null;
    }

    private void schedule(long deadline) {
        when = deadline;
        if (deadline != NEVER) {
            timer = loop.callAt(deadline, onDeadline);
        }
    }
}
