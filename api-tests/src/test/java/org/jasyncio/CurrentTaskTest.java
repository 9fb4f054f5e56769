package org.jasyncio;

import static org.jasyncio.Asyncio.allTasks;
import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.Asyncio.createTask;
import static org.jasyncio.Asyncio.currentTask;
import static org.jasyncio.Asyncio.getRunningLoop;
import static org.jasyncio.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.jasyncio.annotation.Async;
import org.jasyncio.testing.VirtualTime;
import org.junit.jupiter.api.Test;

/** Asyncio.currentTask and allTasks, as asyncio's current_task and all_tasks. */
class CurrentTaskTest {

    @Async
    Coroutine<Task<?>> whoAmI() {
        await(sleep(Duration.ofSeconds(1)));
        return completed(currentTask());
    }

    @Async
    Coroutine<Void> currentTaskInTasksAndCallbacks() {
        Task<?> main = currentTask();
        Task<Task<?>> child = createTask(whoAmI());
        assertSame(child, await(child));
        assertSame(main, currentTask());
        Future<Task<?>> fromCallback = getRunningLoop().createFuture();
        getRunningLoop().callSoon(() -> fromCallback.setResult(currentTask()));
        assertNull(await(fromCallback));
        CompletableFuture<String> stage = new CompletableFuture<>();
        new Thread(() -> stage.complete("x")).start();
        await(stage);
        assertSame(main, currentTask(), "resumed by a CompletionStage, the task is still the current one");
        return completed();
    }

    @Async
    Coroutine<Void> allTasksAreThoseNotDone() {
        Task<?> main = currentTask();
        Task<Task<?>> first = createTask(whoAmI());
        Task<Task<?>> second = createTask(whoAmI());
        assertEquals(Set.of(main, first, second), allTasks());
        await(first);
        await(second);
        assertEquals(Set.of(main), allTasks());
        return completed();
    }

    @Test
    void currentTask_isTheTaskWhoseStepRuns_nullInACallback() {
        VirtualTime.run(currentTaskInTasksAndCallbacks());
    }

    @Test
    void allTasks_areTheLoopsTasksNotDone_theMainCoroutineAmongThem() {
        VirtualTime.run(allTasksAreThoseNotDone());
    }

    @Test
    void outsideALoop_throws() {
        assertThrows(IllegalStateException.class, Asyncio::currentTask);
        assertThrows(IllegalStateException.class, Asyncio::allTasks);
    }
}
