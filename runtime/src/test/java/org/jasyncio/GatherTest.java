package org.jasyncio;

import static org.jasyncio.testing.Script.ok;
import static org.jasyncio.testing.Script.returning;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.jasyncio.testing.Events;
import org.jasyncio.testing.Script;
import org.junit.jupiter.api.Test;

class GatherTest {

    private final EventLoop loop = Loops.virtual();
    private final Events events = new Events();

    @Test
    void gather_childrenFinishOutOfOrder_resultsInArgumentOrder() {
        List<String> results = loop.runUntilComplete(Asyncio.gather(after(30, "slow"), after(10, "fast"), after(20, "mid")));

        assertEquals(List.of("slow", "fast", "mid"), results);
        events.assertOrder("fast", "mid", "slow");
        assertEquals(Duration.ofMillis(30).toNanos(), loop.time());
    }

    @Test
    void gather_futuresAndCoroutines_futuresUsedAsTheyAre() {
        Future<String> future = loop.createFuture();
        loop.callLater(Duration.ofMillis(5), () -> future.setResult("future"));

        List<Object> results = loop.runUntilComplete(Asyncio.<Object>gather(Arrays.asList(future, after(1, "coroutine"))));

        assertEquals(List.of("future", "coroutine"), results);
    }

    @Test
    void gather_childFails_failurePropagatesAndSiblingsKeepRunning() {
        IOException failure = new IOException("boom");
        Coroutine<String> failing = Script.of("failing", ok(v -> Asyncio.sleep(10)), ok(v -> {
            throw failure;
        }));
        Task<Object> main = loop.createTask(Script.of("main",
                ok(v -> Asyncio.gather(failing, after(20, "sibling"))),
                (v, e) -> {
                    events.add("gather threw " + e.getMessage());
                    return Asyncio.sleep(30);
                },
                ok(v -> returning(null))));

        loop.runUntilComplete(main);

        events.assertOrder("gather threw boom", "sibling");
    }

    @Test
    void gather_awaitingTaskCancelled_cancelsChildren() {
        Task<List<String>> main = loop.createTask(Asyncio.gather(after(10, "a"), after(20, "b")));
        loop.callLater(Duration.ofMillis(5), main::cancel);

        assertThrows(CancellationException.class, () -> loop.runUntilComplete(main));
        assertTrue(main.isCancelled());
        events.assertOrder();
        assertEquals(Duration.ofMillis(5).toNanos(), loop.time());
    }

    @Test
    void gather_nothing_emptyList() {
        assertEquals(List.of(), loop.runUntilComplete(Asyncio.gather()));
        assertEquals(List.of(), loop.runUntilComplete(Asyncio.gatherOutcomes(List.<Coroutine<String>>of())));
    }

    @Test
    void gather_sameFutureTwice_awaitedOnce() {
        Future<String> future = loop.createFuture();
        future.setResult("x");

        assertEquals(List.of("x", "x"), loop.runUntilComplete(Asyncio.gather(future, future)));
    }

    @Test
    void gather_sameCoroutineTwice_runsOnceAndResultsTwice() {
        Coroutine<String> once = after(10, "once");

        assertEquals(List.of("once", "once"), loop.runUntilComplete(Asyncio.gather(once, once)));
        events.assertOrder("once");
    }

    @Test
    void gather_coroutineAwaitedElsewhereBefore_throwsAlreadyAwaited() {
        Coroutine<String> used = after(1, "used");
        loop.runUntilComplete(used);

        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> loop.runUntilComplete(Asyncio.gather(after(1, "fresh"), used)));
        assertTrue(thrown.getMessage().contains("already awaited"), thrown.getMessage());
    }

    @Test
    void gatherOutcomes_mixedEndings_everyOutcomeInOrder() {
        IOException failure = new IOException("boom");
        Future<String> failed = loop.createFuture();
        failed.setException(failure);
        Future<String> cancelled = loop.createFuture();
        cancelled.cancel();

        List<Outcome<String>> outcomes = loop.runUntilComplete(
                Asyncio.gatherOutcomes(after(10, "ok"), failed, cancelled));

        assertEquals(new Outcome.Success<>("ok"), outcomes.get(0));
        assertSame(failure, ((Outcome.Failure<String>) outcomes.get(1)).exception());
        assertTrue(((Outcome.Failure<String>) outcomes.get(2)).exception() instanceof CancellationException);
    }

    @Test
    void gatherOutcomes_awaitingTaskCancelled_waitsForChildrenThenCancelled() {
        Task<List<Outcome<String>>> main = loop.createTask(Asyncio.gatherOutcomes(after(10, "a"), after(20, "b")));
        loop.callLater(Duration.ofMillis(5), main::cancel);

        assertThrows(CancellationException.class, () -> loop.runUntilComplete(main));
        assertTrue(main.isCancelled());
        assertFalse(main.cancel());
    }

    /** A coroutine that sleeps {@code millis}, then records and returns {@code value}. */
    private Coroutine<String> after(long millis, String value) {
        return Script.of(value, ok(v -> Asyncio.sleep(millis)), ok(v -> {
            events.add(value);
            return returning(value);
        }));
    }
}
