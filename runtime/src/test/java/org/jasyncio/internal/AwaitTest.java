package org.jasyncio.internal;

import static org.jasyncio.testing.Script.ok;
import static org.jasyncio.testing.Script.returning;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import org.jasyncio.Asyncio;
import org.jasyncio.Coroutine;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;
import org.jasyncio.Loops;
import org.jasyncio.Task;
import org.jasyncio.testing.Events;
import org.jasyncio.testing.Script;
import org.junit.jupiter.api.Test;

class AwaitTest {

    private final EventLoop loop = Loops.virtual();
    private final Events events = new Events();

    @Test
    void await_doneFuture_doesNotSuspendNorUseTheLoop() {
        Future<String> done = loop.createFuture();
        done.setResult("x");
        Task<String> task = loop.createTask(Script.of("reads done future",
                ok(v -> {
                    loop.callSoon(() -> events.add("other callback"));
                    events.add("before await");
                    return done;
                }),
                ok(v -> {
                    events.add("after await " + v);
                    return returning(v);
                })));

        loop.runUntilComplete(task);

        events.assertOrder("before await", "after await x", "other callback");
    }

    @Test
    void await_failedFuture_throwsSameExceptionWithoutSuspending() {
        IOException failure = new IOException("boom");
        Future<String> failed = loop.createFuture();
        failed.setException(failure);
        Task<Object> task = loop.createTask(Script.of("reads failed future",
                ok(v -> failed),
                (v, e) -> returning(e)));

        assertSame(failure, loop.runUntilComplete(task));
    }

    @Test
    void await_coroutine_runsInlineInTheSameTask() {
        Coroutine<String> callee = Script.of("callee", ok(v -> {
            events.add("callee runs");
            return returning("from callee");
        }));
        Task<String> task = loop.createTask(Script.of("caller",
                ok(v -> {
                    loop.callSoon(() -> events.add("other callback"));
                    events.add("caller awaits");
                    return callee;
                }),
                ok(v -> {
                    events.add("caller got " + v);
                    return returning(v);
                })));

        loop.runUntilComplete(task);

        events.assertOrder("caller awaits", "callee runs", "caller got from callee", "other callback");
    }

    @Test
    void await_suspendingCoroutine_resumesCallerWithItsResult() {
        Future<String> later = loop.createFuture();
        Coroutine<String> callee = Script.of("callee",
                ok(v -> later),
                ok(v -> returning(v + "!")));
        Task<String> task = loop.createTask(Script.of("caller",
                ok(v -> callee),
                ok(v -> returning("caller got " + v))));
        loop.callLater(Duration.ofSeconds(1), () -> later.setResult("late"));

        assertEquals("caller got late!", loop.runUntilComplete(task));
    }

    @Test
    void await_coroutineTwice_throwsIllegalStateNamingIt() {
        Coroutine<String> once = Asyncio.completed("x");
        Task<Object> task = loop.createTask(Script.of("awaits twice",
                ok(v -> once),
                ok(v -> once),
                (v, e) -> returning(e)));

        Object thrown = loop.runUntilComplete(task);

        assertTrue(thrown instanceof IllegalStateException, String.valueOf(thrown));
        assertEquals("coroutine already awaited: completed (a coroutine object may be awaited or scheduled"
                + " only once; call the @Async method again)", ((Throwable) thrown).getMessage());
    }

    @Test
    void createTask_coroutineAlreadyAwaited_throwsIllegalState() {
        Coroutine<String> once = Asyncio.completed("x");
        loop.createTask(once);

        assertThrows(IllegalStateException.class, () -> loop.createTask(once));
    }

    @Test
    void await_nullOrUnknownType_throwsWithClearMessage() {
        Task<Object> nullTask = loop.createTask(Script.of("awaits null", ok(v -> null), (v, e) -> returning(e)));
        Task<Object> stringTask = loop.createTask(Script.of("awaits a string", ok(v -> "text"), (v, e) -> returning(e)));

        Object nullThrown = loop.runUntilComplete(nullTask);
        Object stringThrown = loop.runUntilComplete(stringTask);

        assertTrue(nullThrown instanceof NullPointerException, String.valueOf(nullThrown));
        assertTrue(stringThrown instanceof IllegalArgumentException, String.valueOf(stringThrown));
        assertTrue(((Throwable) stringThrown).getMessage().contains("java.lang.String"));
    }

    @Test
    void await_recursionMillionDeep_completesWithoutStackOverflow() {
        assertEquals(1_000_000, Loops.runVirtual(new Depth(1_000_000, false)));
    }

    @Test
    void await_recursionMillionDeepSuspendingAtTheBottom_resumesTheChainWithoutRecursion() {
        assertEquals(1_000_000, Loops.runVirtual(new Depth(1_000_000, true)));
    }

    @Test
    void await_completableFutureCompletedOnAnotherThread_resumesOnTheLoopThread() {
        EventLoop realTime = new EventLoop();
        String loopThread = Thread.currentThread().getName();
        CompletableFuture<String> stage = CompletableFuture.supplyAsync(
                () -> Thread.currentThread().getName(),
                CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS));
        Task<String> task = realTime.createTask(Script.of("awaits stage",
                ok(v -> stage),
                ok(v -> returning("completed on " + !v.equals(loopThread) + ", resumed on "
                        + Thread.currentThread().getName()))));

        String result = realTime.runUntilComplete(task);
        realTime.close();

        assertEquals("completed on true, resumed on " + loopThread, result);
    }

    @Test
    void await_completableFutureFailedWithCompletionException_throwsTheCause() {
        IOException cause = new IOException("boom");
        CompletableFuture<String> done = CompletableFuture.failedFuture(new CompletionException(cause));
        CompletableFuture<String> later = new CompletableFuture<>();
        Task<Object> task = loop.createTask(Script.of("awaits failed stages",
                ok(v -> done),
                (v, e) -> {
                    events.add("done stage threw same cause " + (e == cause));
                    return later.thenApply(s -> s);
                },
                (v, e) -> returning(e)));
        loop.callLater(Duration.ofSeconds(1), () -> later.completeExceptionally(cause));

        assertSame(cause, loop.runUntilComplete(task));
        events.assertOrder("done stage threw same cause true");
    }

    @Test
    void await_doneCompletableFuture_doesNotSuspend() {
        Task<String> task = loop.createTask(Script.of("awaits done stage",
                ok(v -> {
                    loop.callSoon(() -> events.add("other callback"));
                    return CompletableFuture.completedFuture("x");
                }),
                ok(v -> {
                    events.add("got " + v);
                    return returning(v);
                })));

        loop.runUntilComplete(task);

        events.assertOrder("got x", "other callback");
    }

    @Test
    void cancel_whileAwaitingCompletionStage_throwsAtTheAwait() {
        CompletableFuture<String> never = new CompletableFuture<>();
        Task<Object> task = loop.createTask(Script.of("awaits stage",
                ok(v -> never),
                (v, e) -> returning(e)));
        loop.callLater(Duration.ofSeconds(1), task::cancel);

        Object thrown = loop.runUntilComplete(task);

        assertTrue(thrown instanceof CancellationException, String.valueOf(thrown));
        never.complete("too late");
        loop.callSoon(loop::stop);
        loop.runForever();
        assertEquals(thrown, task.result());
    }

    /**
     * {@code @Async f(n) { if (n == 0) return completed(0) (or, suspending, await(sleep(0)) first);
     * return completed(1 + await(f(n - 1))); }}, written as the compiler writes it.
     */
    private static final class Depth extends AsyncFrame<Integer> {
        private final int n;
        private final boolean suspendAtBottom;
        private int state;

        Depth(int n, boolean suspendAtBottom) {
            this.n = n;
            this.suspendAtBottom = suspendAtBottom;
        }

        @Override
        protected Object resume() {
            switch (state) {
                case 0:
                    if (n == 0) {
                        if (!suspendAtBottom) {
                            return 0;
                        }
                        Object slept = Await.await(Asyncio.sleep(0), this);
                        if (slept == Await.SUSPENDED) {
                            state = 2;
                            return Await.SUSPENDED;
                        }
                        return 0;
                    }
                    Object r = Await.await(new Depth(n - 1, suspendAtBottom), this);
                    if (r == Await.SUSPENDED) {
                        state = 1;
                        return Await.SUSPENDED;
                    }
                    return 1 + (Integer) r;
                case 1:
                    return 1 + (Integer) Await.resumed(this);
                default:
                    Await.resumed(this);
                    return 0;
            }
        }
    }
}
