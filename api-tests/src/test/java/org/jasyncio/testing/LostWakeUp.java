package org.jasyncio.testing;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.Asyncio.createTask;
import static org.jasyncio.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jasyncio.Coroutine;
import org.jasyncio.Task;
import org.jasyncio.annotation.Async;

/**
 * The scenario behind asyncio's lost wake-ups (bpo-27585, gh-90155, python/asyncio#270): two tasks
 * wait on a primitive; the first is woken and, before it runs, cancelled. The second must then be
 * served: a primitive that lets the cancelled task swallow the wake-up leaves it waiting forever.
 */
public final class LostWakeUp {

    private LostWakeUp() {
    }

    /**
     * Starts {@code first} and {@code second}, lets both reach their wait, runs {@code wake} (which
     * wakes one waiter), cancels {@code first} at once, and returns once {@code second} is done.
     */
    @Async
    public static Coroutine<Void> wakeThenCancelTheFirst(Coroutine<Void> first, Coroutine<Void> second, Runnable wake) {
        Task<Void> cancelled = createTask(first);
        Task<Void> served = createTask(second);
        await(sleep(0));
        wake.run();
        cancelled.cancel();
        await(served);
        assertTrue(cancelled.isCancelled());
        return completed();
    }
}
