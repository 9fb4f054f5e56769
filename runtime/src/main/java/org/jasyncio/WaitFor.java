package org.jasyncio;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.jasyncio.internal.AsyncFrame;
import org.jasyncio.internal.Await;
import org.jasyncio.internal.Throwing;

/**
 * The coroutine of {@link Asyncio#waitFor}, as asyncio's {@code wait_for}: runs the awaited work as a
 * future (a coroutine becomes a task) and waits for it or for the timeout, whichever comes first. On
 * timeout it cancels the work, waits for the cancellation to finish, then throws
 * {@link TimeoutException}, unless the work ended otherwise than cancelled, whose outcome then
 * stands. If the awaiting task is cancelled meanwhile, the work is cancelled and waited for too.
 *
 * <p>States: 0, not started; 1, waiting for the work or the timeout; 2, waiting for the cancelled
 * work to finish.
 */
final class WaitFor<T> extends AsyncFrame<T> {

    private final Awaitable<T> awaitable;
    private final Duration timeout;
    private int state;
    private Future<T> work;
    private TimerHandle timer;
    private Consumer<Future<T>> release;
    private CancellationException cancelled;

    WaitFor(Awaitable<T> awaitable, Duration timeout) {
        this.awaitable = awaitable;
        this.timeout = timeout;
    }

    @Override
    protected Object resume() {
        return switch (state) {
            case 0 -> start();
            case 1 -> woken();
            default -> workCancelled();
        };
    }

    private Object start() {
        EventLoop loop = Asyncio.getRunningLoop();
        work = loop.toFuture(awaitable);
        if (work.isDone()) {
            return work.result();
        }
        Future<Void> wake = loop.createFuture();
        release = done -> wakeUnlessDone(wake);
        timer = loop.callLater(timeout, () -> wakeUnlessDone(wake));
        work.addDoneCallback(release);
        return suspendOn(wake, 1);
    }

    private Object woken() {
        try {
            Await.resumed(this);
        } catch (CancellationException e) {
            cancelled = e;
        }
        timer.cancel();
        if (work.isDone()) {
            return work.result();
        }
        work.removeDoneCallback(release);
        work.cancel();
        Future<Void> finished = work.loop.createFuture();
        work.addDoneCallback(done -> wakeUnlessDone(finished));
        return suspendOn(finished, 2);
    }

    private Object workCancelled() {
        Await.resumed(this);
        if (cancelled != null) {
            throw cancelled;
        }
        if (!work.isCancelled()) {
            return work.result();
        }
        throw Throwing.sneaky(new TimeoutException("waitFor timed out after " + timeout + ": " + awaitable));
    }

    /** Awaits a future made just now, which is pending, so this always suspends. */
    private Object suspendOn(Future<Void> pending, int next) {
        state = next;
        return Await.await(pending, this);
    }

    private static void wakeUnlessDone(Future<Void> wake) {
        if (!wake.isDone()) {
            wake.setResult(null);
        }
    }

    @Override
    public String toString() {
        return "waitFor(" + awaitable + ", " + timeout + ")";
    }
}
