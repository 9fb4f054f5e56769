package org.jasyncio;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.Asyncio.createTask;
import static org.jasyncio.Asyncio.getRunningLoop;
import static org.jasyncio.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;

import org.jasyncio.annotation.Async;
import org.jasyncio.testing.VirtualTime;
import org.junit.jupiter.api.Test;

/** Asyncio.wait, as asyncio's wait: it returns what is done and what is pending, and cancels nothing. */
class WaitTest {

    @Async
    Coroutine<String> after(String name, long seconds) {
        await(sleep(Duration.ofSeconds(seconds)));
        return completed(name);
    }

    @Async
    Coroutine<String> failsAfter(long seconds) {
        await(sleep(Duration.ofSeconds(seconds)));
        throw new IllegalStateException("failed");
    }

    private static List<String> names(Set<Task<String>> tasks) {
        List<String> names = new ArrayList<>();
        for (Task<String> task : tasks) {
            names.add(task.getName());
        }
        return names;
    }

    private static String describe(Waited<Task<String>> waited) {
        return "done " + names(waited.done()) + ", pending " + names(waited.pending()) + " at "
                + Duration.ofNanos(getRunningLoop().time()).toSeconds() + " s";
    }

    private static List<Task<String>> tasks(Coroutine<String> a, Coroutine<String> b, Coroutine<String> c) {
        return List.of(createTask(a, "a"), createTask(b, "b"), createTask(c, "c"));
    }

    @Async
    Coroutine<String> firstCompleted() {
        List<Task<String>> tasks = tasks(after("a", 3), after("b", 1), after("c", 2));
        Waited<Task<String>> waited = await(Asyncio.wait(tasks, ReturnWhen.FIRST_COMPLETED));
        String seen = describe(waited);
        return completed(seen + "; a cancelled: " + tasks.get(0).isCancelled());
    }

    @Test
    void wait_firstCompleted_returnsAtTheFirst_andCancelsNothing() {
        assertEquals("done [b], pending [a, c] at 1 s; a cancelled: false", VirtualTime.run(firstCompleted()));
    }

    @Async
    Coroutine<String> firstException(Coroutine<String> failing) {
        List<Task<String>> tasks = tasks(after("a", 3), failing, after("c", 1));
        return completed(describe(await(Asyncio.wait(tasks, ReturnWhen.FIRST_EXCEPTION))));
    }

    @Test
    void wait_firstException_returnsAtTheFirstFailure() {
        assertEquals("done [c, b], pending [a] at 2 s", VirtualTime.run(firstException(failsAfter(2))));
    }

    @Test
    void wait_firstException_noneFails_returnsWhenAllAreDone() {
        assertEquals("done [c, b, a] at 3 s".replace(" at", ", pending [] at"),
                VirtualTime.run(firstException(after("b", 2))));
    }

    @Async
    Coroutine<String> allWithTimeout() {
        List<Task<String>> tasks = tasks(after("a", 3), after("b", 1), after("c", 5));
        return completed(describe(await(Asyncio.wait(tasks, ReturnWhen.ALL_COMPLETED, Duration.ofSeconds(4)))));
    }

    @Test
    void wait_timeout_returnsWhatIsDone_withoutThrowing() {
        assertEquals("done [b, a], pending [c] at 4 s", VirtualTime.run(allWithTimeout()));
    }

    @Async
    Coroutine<String> waiterCancelled() {
        List<Task<String>> tasks = tasks(after("a", 3), after("b", 1), after("c", 2));
        Task<Waited<Task<String>>> waiter = createTask(Asyncio.wait(tasks, ReturnWhen.ALL_COMPLETED));
        await(sleep(Duration.ofMillis(1500)));
        waiter.cancel();
        try {
            await(waiter);
        } catch (CancellationException e) {
            // expected
        }
        List<String> results = new ArrayList<>();
        for (Task<String> task : tasks) {
            results.add(await(task));
        }
        return completed(String.join(",", results));
    }

    @Test
    void wait_cancelled_leavesTheFuturesRunning() {
        assertEquals("a,b,c", VirtualTime.run(waiterCancelled()));
    }

    @Test
    void wait_nothingToWaitFor_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> Asyncio.wait(List.<Task<String>>of(), ReturnWhen.ALL_COMPLETED));
    }
}
