package org.jasyncio;

import static org.jasyncio.testing.Script.ok;
import static org.jasyncio.testing.Script.returning;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.jasyncio.testing.Events;
import org.jasyncio.testing.Script;
import org.junit.jupiter.api.Test;

class AsyncioTest {

    private final Events events = new Events();

    @Test
    void run_coroutine_returnsResultAndClosesLoop() {
        EventLoop[] loop = new EventLoop[1];
        String result = Asyncio.run(Script.of("main", ok(v -> {
            loop[0] = Asyncio.getRunningLoop();
            return returning("done");
        })));

        assertEquals("done", result);
        assertTrue(loop[0].isClosed());
    }

    @Test
    void run_coroutineThrowsChecked_rethrowsSameObject() {
        IOException failure = new IOException("boom");

        IOException thrown = assertThrows(IOException.class, () -> Asyncio.run(Script.of("main", ok(v -> {
            throw failure;
        }))));

        assertSame(failure, thrown);
    }

    @Test
    void run_leftoverTasks_cancelledAndRunToTheirEnd() {
        Asyncio.run(Script.of("main", ok(v -> {
            Asyncio.createTask(Script.of("leftover",
                    ok(w -> Asyncio.sleep(Duration.ofHours(1))),
                    (w, e) -> {
                        events.add("leftover saw " + e.getClass().getSimpleName());
                        throw e;
                    }));
            return Asyncio.sleep(0);
        }), ok(v -> {
            events.add("main done");
            return returning(null);
        })));

        events.assertOrder("main done", "leftover saw CancellationException");
    }

    @Test
    void run_insideRunningLoop_throwsIllegalState() {
        Object thrown = Asyncio.run(Script.of("main", ok(v -> returning(
                assertThrows(IllegalStateException.class, () -> Asyncio.run(Asyncio.completed()))))));

        assertTrue(thrown instanceof IllegalStateException);
    }

    @Test
    void getRunningLoop_noLoop_throwsIllegalState() {
        IllegalStateException thrown = assertThrows(IllegalStateException.class, Asyncio::getRunningLoop);

        assertEquals("no running event loop", thrown.getMessage());
        assertThrows(IllegalStateException.class, () -> Asyncio.createTask(Asyncio.completed()));
    }

    @Test
    void completed_valueOrNothing_finishesWithoutSuspending() {
        assertEquals("x", Asyncio.run(Asyncio.completed("x")));
        assertNull(Asyncio.run(Asyncio.completed()));
    }

    @Test
    void sleepZero_twoTasks_yieldExactlyOnceEachTurn() {
        Loops.runVirtual(Script.of("main", ok(v -> Asyncio.gather(ticker("a"), ticker("b"))), ok(v -> returning(v))));

        events.assertOrder("a0", "b0", "a1", "b1", "a2", "b2");
    }

    @Test
    void sleep_virtualTime_advancesLoopClockByTheDelay() {
        EventLoop loop = Loops.virtual();

        loop.runUntilComplete(Asyncio.sleep(Duration.ofMinutes(5)));
        loop.runUntilComplete(Asyncio.sleep(250));

        assertEquals(Duration.ofMinutes(5).plusMillis(250).toNanos(), loop.time());
    }

    @Test
    void sleep_realTime_takesAboutTheDelay() {
        long start = System.nanoTime();

        Asyncio.run(Asyncio.sleep(50));

        long elapsed = System.nanoTime() - start;
        assertTrue(elapsed >= Duration.ofMillis(50).toNanos() && elapsed < Duration.ofSeconds(10).toNanos(),
                "slept " + elapsed + " ns");
    }

    @Test
    void await_notInstrumented_throwsNamingCallerAndTheFix() {
        IllegalStateException awaitable = assertThrows(IllegalStateException.class,
                () -> Asyncio.await(Asyncio.completed("x")));
        IllegalStateException stage = assertThrows(IllegalStateException.class,
                () -> Asyncio.await(CompletableFuture.completedFuture("x")));

        for (IllegalStateException thrown : new IllegalStateException[] {awaitable, stage}) {
            String message = thrown.getMessage();
            assertTrue(message.contains(AsyncioTest.class.getName() + ".lambda$"), message);
            assertTrue(message.contains("@Async") && message.contains("jasyncio-maven-plugin")
                    && message.contains("instrument-tests"), message);
        }
    }

    @Test
    void await_notInstrumented_namesTheMethodThatCalledIt() {
        IllegalStateException thrown = assertThrows(IllegalStateException.class, AsyncioTest::notInstrumented);

        assertTrue(thrown.getMessage().contains(AsyncioTest.class.getName() + ".notInstrumented,"),
                thrown.getMessage());
    }

    private static void notInstrumented() {
        Asyncio.await(Asyncio.completed());
    }

    /** Logs {@code name0..2}, yielding with {@code sleep(0)} after each. */
    private Coroutine<Void> ticker(String name) {
        return Script.of(name,
                ok(v -> {
                    events.add(name + 0);
                    return Asyncio.sleep(0);
                }),
                ok(v -> {
                    events.add(name + 1);
                    return Asyncio.sleep(Duration.ZERO);
                }),
                ok(v -> {
                    events.add(name + 2);
                    return returning(null);
                }));
    }
}
