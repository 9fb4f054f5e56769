package org.jasyncio;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.Asyncio.createTask;
import static org.jasyncio.Asyncio.getRunningLoop;
import static org.jasyncio.Asyncio.sleep;
import static org.jasyncio.Asyncio.toThread;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.jasyncio.annotation.Async;
import org.jasyncio.testing.Events;
import org.junit.jupiter.api.Test;

/** Runner: several runs on one loop; closing cancels what is left. */
class RunnerTest {

    private final Events events = new Events();

    @Async
    Coroutine<EventLoop> startBackground() {
        createTask(background());
        return completed(getRunningLoop());
    }

    @Async
    Coroutine<Void> background() {
        try {
            events.add("background started");
            await(sleep(Duration.ofHours(1)));
            events.add("background finished");
        } catch (CancellationException e) {
            events.add("background cancelled");
            throw e;
        } finally {
            events.add("background finally");
        }
        return completed();
    }

    @Async
    Coroutine<Integer> countTasks() {
        return completed(Asyncio.allTasks().size());
    }

    @Async
    Coroutine<Void> failAfterCancel() {
        try {
            await(sleep(Duration.ofHours(1)));
        } catch (CancellationException e) {
            throw new IllegalStateException("expected by the test: failed while cancelled");
        }
        return completed();
    }

    @Async
    Coroutine<String> usesTheExecutor() {
        return completed(await(toThread(() -> "from a thread")));
    }

    @Test
    void run_twice_usesOneLoop_andTasksLiveOnBetweenRuns() {
        EventLoop first;
        try (Runner runner = new Runner()) {
            first = runner.run(startBackground());
            assertSame(runner.getLoop(), first);
            assertEquals(2, runner.run(countTasks()), "the background task and the second main");
            events.assertOrder("background started");
        }
        events.assertOrder("background started", "background cancelled", "background finally");
        assertTrue(first.isClosed());
    }

    @Test
    void close_thenRunOrGetLoop_throws_andCloseIsIdempotent() {
        Runner runner = new Runner();
        runner.close();
        runner.close();

        assertThrows(IllegalStateException.class, () -> runner.run(countTasks()));
        assertThrows(IllegalStateException.class, runner::getLoop);
    }

    @Test
    void close_taskFailingWhileCancelled_goesToTheExceptionHandler() {
        List<ErrorContext> handled = new ArrayList<>();
        Task<?>[] task = new Task<?>[1];
        try (Runner runner = new Runner()) {
            runner.getLoop().setExceptionHandler((loop, context) -> handled.add(context));
            runner.run(startTask(task));
        }

        assertEquals(1, handled.size());
        assertSame(task[0], handled.get(0).task());
        assertEquals("expected by the test: failed while cancelled", handled.get(0).exception().getMessage());
        assertTrue(handled.get(0).message().startsWith("unhandled exception in Task["), handled.get(0).message());
    }

    @Async
    Coroutine<Void> startTask(Task<?>[] task) {
        task[0] = createTask(failAfterCancel());
        await(sleep(0));
        return completed();
    }

    @Test
    void close_shutsTheDefaultExecutorDown() {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        Runner runner = new Runner();
        runner.getLoop().setDefaultExecutor(executor);
        assertEquals("from a thread", runner.run(usesTheExecutor()));
        EventLoop loop = runner.getLoop();

        runner.close();

        assertTrue(executor.isShutdown());
        assertTrue(loop.isClosed());
    }

    @Test
    void run_fromInsideARunningLoop_throws() {
        try (Runner runner = new Runner()) {
            assertThrows(IllegalStateException.class, () -> runner.run(nested()));
        }
    }

    @Async
    Coroutine<Void> nested() {
        try (Runner inner = new Runner()) {
            inner.run(countTasks());
        }
        return completed();
    }
}
