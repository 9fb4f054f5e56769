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
import java.util.concurrent.CancellationException;

import org.jasyncio.testing.Events;
import org.jasyncio.testing.Script;
import org.junit.jupiter.api.Test;

class TaskTest {

    private final EventLoop loop = Loops.virtual();
    private final Events events = new Events();

    @Test
    void createTask_coroutineReturns_taskHasItsResult() {
        Future<String> input = loop.createFuture();
        Task<String> task = loop.createTask(Script.of("echo",
                ok(v -> input),
                ok(v -> returning("got " + v))));
        loop.callSoon(() -> input.setResult("x"));

        assertEquals("got x", loop.runUntilComplete(task));
        assertTrue(task.isDone());
        assertFalse(task.isCancelled());
    }

    @Test
    void createTask_coroutineThrowsChecked_taskHasSameException() {
        IOException failure = new IOException("boom");
        Task<String> task = loop.createTask(Script.of("fails", ok(v -> {
            throw failure;
        })));

        assertSame(failure, assertThrows(IOException.class, () -> loop.runUntilComplete(task)));
        assertSame(failure, task.exception());
    }

    @Test
    void cancel_whileAwaitingFuture_throwsAtAwaitAndFinallyRuns() {
        Future<String> never = loop.createFuture();
        Task<String> task = loop.createTask(Script.of("waits",
                ok(v -> {
                    events.add("waiting");
                    return never;
                }),
                (v, e) -> {
                    events.add("finally saw " + e.getClass().getSimpleName());
                    throw e;
                }));
        loop.callLater(Duration.ofSeconds(1), () -> {
            events.add("cancel " + task.cancel());
        });

        assertThrows(CancellationException.class, () -> loop.runUntilComplete(task));
        events.assertOrder("waiting", "cancel true", "finally saw CancellationException");
        assertTrue(task.isCancelled());
        assertTrue(never.isCancelled());
        assertFalse(task.cancel());
    }

    @Test
    void cancel_coroutineCatchesIt_taskFinishesNormally() {
        Task<String> task = loop.createTask(Script.of("swallows",
                ok(v -> Asyncio.sleep(Duration.ofSeconds(10))),
                (v, e) -> returning("caught " + e.getClass().getSimpleName())));
        loop.callLater(Duration.ofSeconds(1), task::cancel);

        assertEquals("caught CancellationException", loop.runUntilComplete(task));
        assertFalse(task.isCancelled());
        assertEquals(Duration.ofSeconds(1).toNanos(), loop.time());
    }

    @Test
    void cancel_beforeFirstStep_bodyNeverRuns() {
        Task<String> task = loop.createTask(Script.of("never", ok(v -> {
            events.add("body ran");
            return returning("x");
        })));

        assertTrue(task.cancel());

        assertThrows(CancellationException.class, () -> loop.runUntilComplete(task));
        assertTrue(task.isCancelled());
        events.assertOrder();
    }

    @Test
    void cancel_whileSleeping_cancelsTheTimer() {
        Task<Void> sleeper = loop.createTask(Asyncio.sleep(Duration.ofHours(1)));
        loop.callLater(Duration.ofSeconds(1), sleeper::cancel);

        assertThrows(CancellationException.class, () -> loop.runUntilComplete(sleeper));
        assertTrue(sleeper.isCancelled());
        assertEquals(Duration.ofSeconds(1).toNanos(), loop.time());
    }

    @Test
    void cancel_whileAwaitingSleep_throwsAtAwaitAndDropsTheTimer() {
        Task<String> task = loop.createTask(Script.of("sleeps",
                ok(v -> Asyncio.sleep(Duration.ofHours(1))),
                (v, e) -> {
                    events.add("sleep threw " + e.getClass().getSimpleName());
                    return returning("caught");
                }));
        loop.callLater(Duration.ofSeconds(1), task::cancel);

        assertEquals("caught", loop.runUntilComplete(task));
        events.assertOrder("sleep threw CancellationException");
        assertEquals(Duration.ofSeconds(1).toNanos(), loop.time());
        assertFalse(task.isCancelled());
    }

    @Test
    void sleepingTasksAndTimers_equalDeadlines_wakeInTheOrderScheduled() {
        loop.createTask(Script.of("first", ok(v -> Asyncio.sleep(10)), ok(v -> {
            events.add("task 1");
            return returning(null);
        })));
        loop.callLater(Duration.ofMillis(10), () -> events.add("timer"));
        loop.createTask(Script.of("second", ok(v -> Asyncio.sleep(10)), ok(v -> {
            events.add("task 2");
            return returning(null);
        })));

        loop.runUntilComplete(Asyncio.sleep(20));

        // The timer was scheduled before either task ran to its sleep.
        events.assertOrder("timer", "task 1", "task 2");
    }

    @Test
    void cancel_afterItsSleepIsDueBeforeItsStep_stepsOnceWithTheCancellation() {
        // The timer is scheduled before the task sleeps: with the same deadline, it comes first.
        Task<?>[] task = new Task<?>[1];
        loop.callLater(Duration.ofSeconds(1), () -> events.add("cancel " + task[0].cancel()));
        task[0] = loop.createTask(Script.of("sleeps",
                ok(v -> Asyncio.sleep(Duration.ofSeconds(1))),
                (v, e) -> {
                    events.add("sleep threw " + e.getClass().getSimpleName());
                    return Asyncio.sleep(Duration.ofSeconds(1));
                },
                ok(v -> {
                    events.add("slept again");
                    return returning("done");
                })));

        assertEquals("done", loop.runUntilComplete(task[0]));
        events.assertOrder("cancel true", "sleep threw CancellationException", "slept again");
        assertEquals(Duration.ofSeconds(2).toNanos(), loop.time());
    }

    @Test
    void cancel_whileSleeping_thenSleepsAgain_wakesAtTheNewDeadlineOnly() {
        Task<String> task = loop.createTask(Script.of("sleeps twice",
                ok(v -> Asyncio.sleep(Duration.ofSeconds(2))),
                (v, e) -> {
                    events.add("woke at " + loop.time() / 1_000_000_000 + " s with " + e.getClass().getSimpleName());
                    return Asyncio.sleep(Duration.ofSeconds(3));
                },
                ok(v -> {
                    events.add("woke at " + loop.time() / 1_000_000_000 + " s");
                    return returning("done");
                })));
        loop.callLater(Duration.ofSeconds(1), task::cancel);

        assertEquals("done", loop.runUntilComplete(task));
        // The first sleep's entry, due at 2 s, is stale by then and wakes nothing.
        events.assertOrder("woke at 1 s with CancellationException", "woke at 4 s");
    }

    @Test
    void cancel_fromInsideItsOwnStep_throwsAtNextAwait() {
        Task<?>[] self = new Task<?>[1];
        self[0] = loop.createTask(Script.of("self-cancelling",
                ok(v -> {
                    self[0].cancel();
                    events.add("requested");
                    return Asyncio.sleep(Duration.ofHours(1));
                }),
                (v, e) -> {
                    events.add("woke with " + e.getClass().getSimpleName());
                    throw e;
                }));

        assertThrows(CancellationException.class, () -> loop.runUntilComplete(self[0]));
        events.assertOrder("requested", "woke with CancellationException");
        assertEquals(0, loop.time());
    }

    @Test
    void addDoneCallback_receivesTheTask_scheduledAfterCompletion() {
        Task<String> task = loop.createTask(Asyncio.completed("x"));
        task.addDoneCallback(t -> events.add("callback " + t.result() + " " + (t == task)));

        loop.runUntilComplete(task);
        loop.callSoon(loop::stop);
        loop.runForever();

        events.assertOrder("callback x true");
    }

    @Test
    void setResult_onTask_unsupported() {
        Task<String> task = loop.createTask(Asyncio.completed("x"));

        assertThrows(UnsupportedOperationException.class, () -> task.setResult("y"));
        assertThrows(UnsupportedOperationException.class, () -> task.setException(new IOException()));
    }

    @Test
    void await_ownTask_throwsIllegalState() {
        Task<?>[] self = new Task<?>[1];
        self[0] = loop.createTask(Script.of("self-awaiting", ok(v -> self[0]), ok(v -> returning(v))));

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(self[0]));
        assertTrue(thrown.getMessage().contains("cannot await itself"), thrown.getMessage());
    }

    @Test
    void toString_namesTaskCoroutineAndState() {
        Task<String> task = loop.createTask(Script.of("worker", ok(v -> returning("x"))), "fetcher");

        assertEquals("Task[fetcher, worker, pending]", task.toString());
        loop.runUntilComplete(task);
        assertEquals("Task[fetcher, worker, result=x]", task.toString());
    }

    @Test
    void getName_defaultsToTaskN_numberedOnItsLoop() {
        Task<String> first = loop.createTask(Script.of("a", ok(v -> returning("a"))));
        Task<String> second = loop.createTask(Script.of("b", ok(v -> returning("b"))));

        assertEquals("Task-1", first.getName());
        assertEquals("Task-2", second.getName());
        second.setName("renamed");
        assertEquals("renamed", second.getName());
    }
}
