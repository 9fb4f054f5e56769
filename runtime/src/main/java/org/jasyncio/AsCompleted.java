package org.jasyncio;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeoutException;

import org.jasyncio.internal.AsyncFrame;
import org.jasyncio.internal.Await;
import org.jasyncio.internal.Throwing;

/**
 * What {@link Asyncio#asCompleted} returns, as asyncio's {@code as_completed}: the awaitables, made
 * futures at once (coroutines become tasks), and as many coroutines as there are of them; awaiting
 * each gives the next outcome in completion order: a value, or the failure thrown. Past the timeout,
 * each coroutine left throws {@link TimeoutException}; the futures are not cancelled.
 *
 * <p>Thread rule: loop-thread only; it can be iterated once.
 */
final class AsCompleted<T> implements Iterable<Coroutine<T>>, ChildWatcher {

    private final List<Future<? extends T>> futures;
    private final Duration timeout;
    /** Futures done and not yet given out, in completion order. */
    private final ArrayDeque<Future<? extends T>> completed = new ArrayDeque<>();
    /** Coroutines waiting for the next future to complete, first come first served. */
    private final ArrayDeque<Future<Void>> waiting = new ArrayDeque<>();
    /** How many futures are not done yet. */
    private int pending;
    private TimerHandle timer;
    private boolean timedOut;
    private boolean iterated;

    @SuppressWarnings("unchecked") // every future of the list was made from one of the awaitables
    AsCompleted(EventLoop loop, List<? extends Awaitable<?>> awaitables, Duration timeout) {
        List<Future<? extends T>> made = new ArrayList<>(awaitables.size());
        for (Awaitable<?> awaitable : awaitables) {
            made.add((Future<? extends T>) loop.toFuture(awaitable));
        }
        this.futures = made;
        this.timeout = timeout;
        for (Future<? extends T> future : futures) {
            if (future.isDone()) {
                completed.add(future);
            } else {
                pending++;
                future.addWatcher(this);
            }
        }
        if (timeout != null && pending > 0) {
            timer = loop.callLater(timeout, this::expire);
        }
    }

    @Override
    public Iterator<Coroutine<T>> iterator() {
        if (iterated) {
            throw new IllegalStateException("asCompleted can be iterated once");
        }
        iterated = true;
        return new Iterator<>() {
            private int given;

            @Override
            public boolean hasNext() {
                return given < futures.size();
            }

            @Override
            public Coroutine<T> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                given++;
                return new Next();
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked") // only the futures of the list are watched
    public void childDone(Future<?> child) {
        completed.add((Future<? extends T>) child);
        if (--pending == 0 && timer != null) {
            timer.cancel();
        }
        Future<Void> first = waiting.poll();
        if (first != null) {
            first.setResult(null);
        }
    }

    private void expire() {
        timedOut = true;
        for (Future<? extends T> future : futures) {
            if (!future.isDone()) {
                future.removeWatcher(this);
            }
        }
        for (Future<Void> waiter; (waiter = waiting.poll()) != null; ) {
            waiter.setResult(null);
        }
    }

    /** One coroutine of the iteration: the next outcome. States: looking; waiting for a completion. */
    private final class Next extends AsyncFrame<T> {

        private Future<Void> waiter;

        @Override
        protected Object resume() {
            if (waiter != null) {
                try {
                    Await.resumed(this);
                } catch (Throwable cancelled) {
                    waiting.remove(waiter);
                    throw Throwing.sneaky(cancelled);
                }
            }
            Future<? extends T> next = completed.poll();
            if (next != null) {
                return next.result();
            }
            if (timedOut) {
                throw Throwing.sneaky(new TimeoutException("asCompleted timed out after " + timeout));
            }
            waiter = ((Task<?>) driver()).loop().createFuture();
            waiting.add(waiter);
            // The waiter was made just now, so this suspends.
            return Await.await(waiter, this);
        }

        @Override
        public String toString() {
            return "asCompleted(" + futures.size() + " awaitables).next";
        }
    }
}
