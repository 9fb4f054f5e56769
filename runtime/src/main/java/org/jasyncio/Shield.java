package org.jasyncio;

import java.util.function.Consumer;

import org.jasyncio.internal.AsyncFrame;
import org.jasyncio.internal.Await;

/**
 * The coroutine of {@link Asyncio#shield}, as asyncio's {@code shield}: runs the work as a future (a
 * coroutine becomes a task) and waits on an outer future that takes the work's outcome. Cancelling
 * the awaiting task cancels only the outer future: the work goes on, and its outcome, when it comes,
 * is marked retrieved so that a failure nobody awaits any more is not reported.
 *
 * <p>States: not started; waiting for the outer future.
 */
final class Shield<T> extends AsyncFrame<T> {

    private final Awaitable<T> awaitable;
    private boolean started;

    Shield(Awaitable<T> awaitable) {
        this.awaitable = awaitable;
    }

    @Override
    protected Object resume() {
        if (started) {
            return Await.resumed(this);
        }
        started = true;
        EventLoop loop = ((Task<?>) driver()).loop();
        Future<T> inner = loop.toFuture(awaitable);
        if (inner.isDone()) {
            return inner.result();
        }
        Future<T> outer = loop.createFuture();
        Consumer<Future<T>> relay = done -> relay(done, outer);
        inner.addDoneCallback(relay);
        outer.addDoneCallback(cancelled -> {
            if (!inner.isDone()) {
                inner.removeDoneCallback(relay);
            }
        });
        // The outer future was made just now, so this suspends.
        return Await.await(outer, this);
    }

    private static <T> void relay(Future<T> inner, Future<T> outer) {
        if (outer.isCancelled()) {
            if (!inner.isCancelled()) {
                inner.exception();
            }
        } else if (inner.isCancelled()) {
            outer.cancel();
        } else if (inner.exception() != null) {
            outer.setException(inner.exception());
        } else {
            outer.setResult(inner.result());
        }
    }

    @Override
    public String toString() {
        return "shield(" + awaitable + ")";
    }
}
