package org.jasyncio;

import static org.jasyncio.testing.Script.ok;
import static org.jasyncio.testing.Script.returning;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;

import org.jasyncio.testing.Events;
import org.jasyncio.testing.Script;
import org.junit.jupiter.api.Test;

class WaitForTest {

    private final EventLoop loop = Loops.virtual();
    private final Events events = new Events();

    @Test
    void waitFor_finishesInTime_returnsItsValue() throws TimeoutException {
        assertEquals("done", loop.runUntilComplete(Asyncio.waitFor(work(10), Duration.ofMillis(20))));
        assertEquals(Duration.ofMillis(10).toNanos(), loop.time());
    }

    @Test
    void waitFor_timesOut_cancelsWorkWaitsForItThenThrowsTimeout() throws TimeoutException {
        Task<Object> main = loop.createTask(Script.of("main",
                ok(v -> Asyncio.waitFor(work(100), Duration.ofMillis(20))),
                (v, e) -> {
                    events.add("main got " + e.getClass().getSimpleName() + " at " + loop.time() / 1_000_000 + " ms");
                    return returning(e);
                }));

        Object thrown = loop.runUntilComplete(main);

        events.assertOrder("work cleaned up after CancellationException", "main got TimeoutException at 20 ms");
        assertTrue(thrown instanceof TimeoutException);
    }

    @Test
    void waitFor_awaitingTaskCancelled_cancelsWorkToo() throws TimeoutException {
        Task<String> main = loop.createTask(Asyncio.waitFor(work(100), Duration.ofMillis(50)));
        loop.callLater(Duration.ofMillis(10), main::cancel);

        assertThrows(CancellationException.class, () -> loop.runUntilComplete(main));
        events.assertOrder("work cleaned up after CancellationException");
        assertTrue(main.isCancelled());
        assertEquals(Duration.ofMillis(10).toNanos(), loop.time());
    }

    @Test
    void waitFor_doneFuture_returnsAtOnce() throws TimeoutException {
        Future<String> done = loop.createFuture();
        done.setResult("x");

        assertEquals("x", loop.runUntilComplete(Asyncio.waitFor(done, Duration.ZERO)));
    }

    /** Sleeps {@code millis} and returns "done"; records the exception that interrupts it, if any. */
    private Coroutine<String> work(long millis) {
        return Script.of("work",
                ok(v -> Asyncio.sleep(millis)),
                (v, e) -> {
                    if (e != null) {
                        events.add("work cleaned up after " + e.getClass().getSimpleName());
                        throw e;
                    }
                    return returning("done");
                });
    }
}
