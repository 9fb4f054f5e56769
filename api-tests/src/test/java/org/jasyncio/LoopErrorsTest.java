package org.jasyncio;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.Asyncio.createTask;
import static org.jasyncio.Asyncio.getRunningLoop;
import static org.jasyncio.Asyncio.sleep;
import static org.jasyncio.Asyncio.toThread;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jasyncio.annotation.Async;
import org.jasyncio.testing.VirtualTime;
import org.junit.jupiter.api.Test;

/** What the loop reports to its exception handler: failed callbacks, lost exceptions, and in debug mode slow steps and coroutines never awaited. */
class LoopErrorsTest {

    private final List<ErrorContext> handled = new ArrayList<>();
    private final EventLoop loop = VirtualTime.loop();

    LoopErrorsTest() {
        loop.setExceptionHandler((where, context) -> handled.add(context));
    }

    /** Collects garbage and lets the cleaner report, until the handler has heard something (at most ~5 s of real time). */
    @Async
    Coroutine<Void> collectUntilReported() {
        for (int i = 0; i < 500 && handled.isEmpty(); i++) {
            System.gc();
            await(toThread(() -> {
                Thread.sleep(10);
                return null;
            }));
        }
        return completed();
    }

    @Async
    Coroutine<Void> failing(RuntimeException failure) {
        throw failure;
    }

    /** Starts a task that fails, and keeps no reference to it. */
    @Async
    Coroutine<Void> failAndForget(RuntimeException failure) {
        createTask(failing(failure));
        await(sleep(0));
        await(sleep(0));
        return completed();
    }

    @Async
    Coroutine<Void> failAndForgetThenCollect(RuntimeException failure) {
        await(failAndForget(failure));
        await(collectUntilReported());
        return completed();
    }

    @Test
    void taskExceptionNeverRetrieved_isReportedOnceTheTaskIsCollected() {
        IllegalArgumentException failure = new IllegalArgumentException("expected by the test: never retrieved");

        loop.runUntilComplete(failAndForgetThenCollect(failure));
        loop.close();

        assertEquals(1, handled.size(), handled.toString());
        ErrorContext context = handled.get(0);
        assertSame(failure, context.exception());
        assertTrue(context.message().startsWith("exception was never retrieved: Task["), context.message());
        assertTrue(context.message().contains(", LoopErrorsTest.failing, "), context.message());
    }

    @Test
    void callbackThrows_handlerGetsTheException() {
        IllegalStateException failure = new IllegalStateException("expected by the test");

        loop.runUntilComplete(callbackThrowing(failure));
        loop.close();

        assertEquals(1, handled.size());
        assertSame(failure, handled.get(0).exception());
        assertNull(handled.get(0).task());
    }

    @Async
    Coroutine<Void> callbackThrowing(RuntimeException failure) {
        getRunningLoop().callSoon(() -> {
            throw failure;
        });
        await(sleep(0));
        await(sleep(0));
        return completed();
    }

    @Async
    Coroutine<Void> slowStep() throws InterruptedException {
        Thread.sleep(20);
        await(sleep(Duration.ofSeconds(1)));
        return completed();
    }

    @Test
    void debug_slowStep_isReportedWithItsTaskAndWhereItWas() throws InterruptedException {
        loop.setDebug(true);
        loop.setSlowCallbackDuration(Duration.ofMillis(5));

        Task<Void> task = loop.createTask(slowStep());
        loop.runUntilComplete(task);
        loop.close();

        // Under load another step may be slow too; the one that slept must be there.
        ErrorContext context = handled.stream().filter(c -> c.task() == task).findFirst().orElseThrow();
        assertNull(context.exception());
        assertTrue(context.message().matches("a step of Task\\[.*\\] took \\d+\\.\\d{3} s, then it was at LoopErrorsTest\\.slowStep"),
                context.message());
    }

    @Async
    Coroutine<Void> neverAwaitedOne() {
        return completed();
    }

    /** Calls an @Async method and drops its coroutine. */
    private void makeAndDrop() {
        neverAwaitedOne();
    }

    @Async
    Coroutine<Void> dropACoroutineThenCollect() {
        makeAndDrop();
        await(collectUntilReported());
        return completed();
    }

    @Test
    void debug_coroutineNeverAwaited_isReportedWithWhereItWasCreated() {
        loop.setDebug(true);
        // Collecting garbage may make a step slow on a loaded machine: only the coroutine is reported here.
        loop.setSlowCallbackDuration(Duration.ofHours(1));

        loop.runUntilComplete(dropACoroutineThenCollect());
        loop.close();

        assertEquals(1, handled.size(), handled.toString());
        String message = handled.get(0).message();
        assertTrue(message.startsWith("coroutine LoopErrorsTest.neverAwaitedOne was never awaited; it was created at"
                + " org.jasyncio.LoopErrorsTest.makeAndDrop(LoopErrorsTest.java:"), message);
    }
}
