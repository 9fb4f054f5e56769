package org.jasyncio;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.jasyncio.internal.AsyncFrame;
import org.jasyncio.internal.Await;
import org.jasyncio.internal.Throwing;

/**
 * The coroutine of {@link Asyncio#timeout} and {@link Asyncio#timeoutAt}, as asyncio's
 * {@code async with timeout()}: enters a {@link Timeout} in the awaiting task, runs the body inline,
 * and leaves the timeout with the body's outcome, which may turn the scope's own cancellation into
 * a {@link TimeoutException}. It is the timer's callback too, so a scope costs no callback object.
 *
 * <p>States: 0, not started; 1, waiting for the body.
 */
final class TimeoutScope<T> extends AsyncFrame<T> implements Runnable {

    private final Function<? super Timeout, ? extends Awaitable<T>> body;
    /** The delay from the start; {@code null} when {@link #deadline} is given. */
    private final Duration delay;
    private final long deadline;
    private Timeout timeout;
    private boolean started;

    /** A scope whose deadline is {@code delay} after it starts. */
    TimeoutScope(Duration delay, Function<? super Timeout, ? extends Awaitable<T>> body) {
        this.delay = delay;
        this.deadline = 0;
        this.body = body;
    }

    /** A scope whose deadline is {@code deadline}, on the loop's clock. */
    TimeoutScope(long deadline, Function<? super Timeout, ? extends Awaitable<T>> body) {
        this.delay = null;
        this.deadline = deadline;
        this.body = body;
    }

    @Override
    protected Object resume() {
        if (started) {
            Object result;
            try {
                result = Await.resumed(this);
            } catch (Throwable t) {
                return failed(t);
            }
            return succeeded(result);
        }
        started = true;
        Task<?> task = (Task<?>) driver();
        EventLoop loop = task.loop();
        long when = delay != null ? loop.deadlineAfter(delay) : deadline;
        timeout = new Timeout(loop, task, when, this);
        Object result;
        try {
            Awaitable<T> awaitable = Objects.requireNonNull(body.apply(timeout), "the timeout's body returned null");
            result = Await.await(awaitable, this);
        } catch (Throwable t) {
            return failed(t);
        }
        return result == Await.SUSPENDED ? result : succeeded(result);
    }

    /** The timer's callback, at the deadline. */
    @Override
    public void run() {
        timeout.expire();
    }

    private Object succeeded(Object result) {
        timeout.exit(null);
        return result;
    }

    private Object failed(Throwable failure) {
        TimeoutException timedOut = timeout.exit(failure);
        throw Throwing.sneaky(timedOut != null ? timedOut : failure);
    }

    @Override
    public String toString() {
        return "timeout(" + timeout + ")";
    }
}
