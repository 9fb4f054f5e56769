package org.jasyncio;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.Asyncio.getRunningLoop;
import static org.jasyncio.Asyncio.runCoroutineThreadsafe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.jasyncio.annotation.Async;
import org.jasyncio.testing.Events;
import org.junit.jupiter.api.Test;

/** Asyncio.runCoroutineThreadsafe: a plain thread submits a coroutine to a running loop. */
class RunCoroutineThreadsafeTest {

    private final Events events = new Events();

    @Async
    Coroutine<String> onTheLoop(String word) {
        return completed(word + " on " + Thread.currentThread().getName());
    }

    @Async
    Coroutine<String> failing(IOException failure) throws IOException {
        throw failure;
    }

    @Async
    Coroutine<String> forever(CompletableFuture<Void> started, Future<Void> never) {
        started.complete(null);
        try {
            await(never);
            return completed("woken");
        } catch (CancellationException e) {
            events.add("task cancelled");
            throw e;
        }
    }

    /** Runs a loop on a thread of its own until {@code body} has run on this thread; returns when the loop has closed. */
    private void withLoopThread(LoopUser body) throws Exception {
        EventLoop loop = new EventLoop();
        Future<?>[] keepAlive = new Future<?>[1];
        Thread thread = new Thread(() -> {
            keepAlive[0] = loop.createFuture();
            loop.runUntilComplete(keepAlive[0]);
        }, "loop thread");
        thread.start();
        while (!loop.isRunning()) {
            Thread.onSpinWait();
        }
        try {
            body.use(loop);
        } finally {
            loop.callSoonThreadsafe(() -> keepAlive[0].cancel());
            thread.join(10_000);
            loop.close();
        }
    }

    private interface LoopUser {
        void use(EventLoop loop) throws Exception;
    }

    @Test
    void fromAPlainThread_resultOfTheTaskOnTheLoop() throws Exception {
        withLoopThread(loop -> assertEquals("hello on loop thread",
                runCoroutineThreadsafe(onTheLoop("hello"), loop).get(10, TimeUnit.SECONDS)));
    }

    @Test
    void failure_reachesTheCompletableFutureUnwrapped() throws Exception {
        IOException failure = new IOException("boom");
        withLoopThread(loop -> {
            CompletableFuture<String> result = runCoroutineThreadsafe(failing(failure), loop);
            ExecutionException thrown = assertThrows(ExecutionException.class, () -> result.get(10, TimeUnit.SECONDS));
            assertSame(failure, thrown.getCause());
        });
    }

    @Test
    void cancellingTheCompletableFuture_cancelsTheTask() throws Exception {
        withLoopThread(loop -> {
            CompletableFuture<Future<Void>> never = runCoroutineThreadsafe(neverFuture(), loop);
            CompletableFuture<Void> started = new CompletableFuture<>();
            CompletableFuture<String> result = runCoroutineThreadsafe(
                    forever(started, never.get(10, TimeUnit.SECONDS)), loop);
            started.get(10, TimeUnit.SECONDS);
            assertTrue(result.cancel(true));
            CompletableFuture<Boolean> cancelledAfter = runCoroutineThreadsafe(afterCancellations(), loop);
            assertTrue(cancelledAfter.get(10, TimeUnit.SECONDS));
        });
        events.assertOrder("task cancelled");
    }

    @Async
    Coroutine<Future<Void>> neverFuture() {
        return completed(getRunningLoop().createFuture());
    }

    @Async
    Coroutine<Boolean> afterCancellations() {
        await(Asyncio.sleep(0));
        await(Asyncio.sleep(0));
        return completed(true);
    }

    @Test
    void closedLoop_throws() {
        EventLoop loop = new EventLoop();
        loop.close();

        assertThrows(IllegalStateException.class, () -> runCoroutineThreadsafe(onTheLoop("late"), loop));
    }
}
