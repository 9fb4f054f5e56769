package org.jasyncio;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.Asyncio.getRunningLoop;
import static org.jasyncio.Asyncio.sleep;
import static org.jasyncio.Asyncio.timeout;
import static org.jasyncio.Asyncio.timeoutAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;

import org.jasyncio.annotation.Async;
import org.jasyncio.testing.Events;
import org.jasyncio.testing.VirtualTime;
import org.junit.jupiter.api.Test;

class TimeoutTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    private final Events events = new Events();
    private Timeout seen;

    private static long seconds() {
        return getRunningLoop().time() / SECOND;
    }

    @Async
    Coroutine<String> work(String name, long seconds) {
        try {
            await(sleep(Duration.ofSeconds(seconds)));
            events.add(name + " done at " + seconds() + " s");
            return completed(name);
        } finally {
            events.add(name + " finally");
        }
    }

    @Async
    Coroutine<String> bounded(long limit, long takes) throws TimeoutException {
        try {
            return completed(await(timeout(Duration.ofSeconds(limit), t -> {
                seen = t;
                return work("work", takes);
            })));
        } catch (TimeoutException e) {
            events.add("timed out at " + seconds() + " s, caused by "
                    + e.getCause().getClass().getSimpleName());
            throw e;
        }
    }

    @Test
    void timeout_bodyFinishesFirst_returnsItsValue() throws Exception {
        assertEquals("work", VirtualTime.run(bounded(5, 1)));

        events.assertOrder("work done at 1 s", "work finally");
        assertFalse(seen.expired());
        assertEquals(5 * SECOND, seen.when());
    }

    @Test
    void timeout_deadlineFirst_cancelsTheBodyAtItsAwait_andThrowsTimeoutException() {
        TimeoutException thrown = assertThrows(TimeoutException.class, () -> VirtualTime.run(bounded(1, 5)));

        assertInstanceOf(CancellationException.class, thrown.getCause());
        events.assertOrder("work finally", "timed out at 1 s, caused by CancellationException");
        assertTrue(seen.expired());
    }

    @Async
    Coroutine<String> catchesItsCancellation(Timeout timeout) {
        seen = timeout;
        try {
            await(sleep(Duration.ofSeconds(5)));
        } catch (CancellationException e) {
            events.add("caught at " + seconds() + " s");
        }
        return completed("recovered");
    }

    @Test
    void timeout_bodyCatchesTheCancellationAndReturns_returnsItsValue_expired() throws Exception {
        assertEquals("recovered", VirtualTime.run(timeout(Duration.ofSeconds(1), this::catchesItsCancellation)));

        events.assertOrder("caught at 1 s");
        assertTrue(seen.expired());
    }

    @Async
    Coroutine<String> cancelledFromOutside() throws TimeoutException {
        Task<String> bounded = Asyncio.createTask(bounded(5, 10));
        await(sleep(Duration.ofSeconds(1)));
        bounded.cancel("stop");
        try {
            return completed(await(bounded));
        } catch (CancellationException e) {
            return completed("cancelled: " + e.getMessage());
        }
    }

    @Test
    void timeout_cancelledFromOutside_staysACancellation() throws Exception {
        assertEquals("cancelled: stop", VirtualTime.run(cancelledFromOutside()));
        events.assertOrder("work finally");
        assertFalse(seen.expired());
    }

    @Async
    Coroutine<String> extends_(Timeout timeout) {
        seen = timeout;
        await(sleep(Duration.ofSeconds(1)));
        timeout.reschedule(timeout.when() + 3 * SECOND);
        await(sleep(Duration.ofSeconds(2)));
        events.add("still running at " + seconds() + " s");
        await(sleep(Duration.ofSeconds(5)));
        return completed("never");
    }

    @Async
    Coroutine<String> rescheduled() {
        try {
            return completed(await(timeout(Duration.ofSeconds(2), this::extends_)));
        } catch (TimeoutException e) {
            return completed("timed out at " + seconds() + " s");
        }
    }

    @Test
    void reschedule_movesTheDeadline() {
        assertEquals("timed out at 5 s", VirtualTime.run(rescheduled()));
        events.assertOrder("still running at 3 s");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> seen.reschedule(0));
        assertTrue(thrown.getMessage().contains("expired"), thrown.getMessage());
    }

    @Async
    Coroutine<String> removesTheDeadline(Timeout timeout) {
        timeout.reschedule(Long.MAX_VALUE);
        await(sleep(Duration.ofHours(1)));
        return completed("no deadline at " + seconds() / 3600 + " h");
    }

    @Test
    void reschedule_maxValue_removesTheDeadline() throws Exception {
        assertEquals("no deadline at 1 h", VirtualTime.run(timeout(Duration.ofSeconds(1), this::removesTheDeadline)));
    }

    @Async
    Coroutine<String> atAbsoluteTime() {
        await(sleep(Duration.ofSeconds(1)));
        try {
            await(timeoutAt(3 * SECOND, t -> work("late", 10)));
            return completed("never");
        } catch (TimeoutException e) {
            return completed("timed out at " + seconds() + " s");
        }
    }

    @Test
    void timeoutAt_deadlineOnTheLoopsClock() {
        assertEquals("timed out at 3 s", VirtualTime.run(atAbsoluteTime()));
    }

    @Async
    Coroutine<String> pastDeadline() {
        await(sleep(Duration.ofSeconds(2)));
        try {
            await(timeoutAt(SECOND, t -> work("never", 1)));
            return completed("finished");
        } catch (TimeoutException e) {
            return completed("timed out at " + seconds() + " s");
        }
    }

    @Test
    void timeoutAt_pastDeadline_expiresAtTheFirstAwait() {
        assertEquals("timed out at 2 s", VirtualTime.run(pastDeadline()));
        events.assertOrder("never finally");
    }

    @Async
    Coroutine<String> innerShorter() {
        String inner;
        try {
            inner = await(timeout(Duration.ofSeconds(1), t -> work("inner", 5)));
        } catch (TimeoutException e) {
            inner = "inner timed out at " + seconds() + " s";
        }
        await(sleep(Duration.ofSeconds(1)));
        return completed(inner + ", outer still running at " + seconds() + " s");
    }

    @Async
    Coroutine<String> outerShorter() {
        try {
            return completed(await(timeout(Duration.ofSeconds(10), t -> work("inner", 20))));
        } catch (TimeoutException e) {
            events.add("inner scope saw a timeout");
            return completed("inner timed out");
        } catch (CancellationException e) {
            events.add("inner scope saw a cancellation");
            throw e;
        }
    }

    @Test
    void nested_innerExpires_outerGoesOn() throws Exception {
        assertEquals("inner timed out at 1 s, outer still running at 2 s",
                VirtualTime.run(timeout(Duration.ofSeconds(10), t -> innerShorter())));
    }

    @Test
    void nested_outerExpires_innerSeesACancellation_outerATimeout() {
        assertThrows(TimeoutException.class,
                () -> VirtualTime.run(timeout(Duration.ofSeconds(2), t -> outerShorter())));
        events.assertOrder("inner finally", "inner scope saw a cancellation");
    }
}
