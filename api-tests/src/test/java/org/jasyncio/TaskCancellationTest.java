package org.jasyncio;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.Asyncio.createTask;
import static org.jasyncio.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.CancellationException;

import org.jasyncio.annotation.Async;
import org.jasyncio.testing.Events;
import org.jasyncio.testing.VirtualTime;
import org.junit.jupiter.api.Test;

/** Task.cancel(message), cancelling() and uncancel(), as asyncio's Task. */
class TaskCancellationTest {

    private final Events events = new Events();

    @Async
    Coroutine<String> sleeper() {
        try {
            await(sleep(Duration.ofSeconds(10)));
            return completed("woke");
        } catch (CancellationException e) {
            events.add("at the await: " + e.getMessage());
            throw e;
        }
    }

    @Async
    Coroutine<String> cancelsWithAMessage() {
        Task<String> task = createTask(sleeper());
        await(sleep(Duration.ofSeconds(1)));
        task.cancel("shutting down");
        try {
            await(task);
            return completed("not cancelled");
        } catch (CancellationException e) {
            events.add("awaiting it: " + e.getMessage());
        }
        CancellationException fromResult = assertThrows(CancellationException.class, task::result);
        return completed("result(): " + fromResult.getMessage());
    }

    @Test
    void cancel_withMessage_theExceptionCarriesIt() {
        assertEquals("result(): shutting down", VirtualTime.run(cancelsWithAMessage()));
        events.assertOrder("at the await: shutting down", "awaiting it: shutting down");
    }

    @Async
    Coroutine<String> countsRequests() {
        Task<String> task = createTask(sleeper());
        await(sleep(0));
        events.add("before: " + task.cancelling());
        task.cancel();
        task.cancel();
        events.add("after two: " + task.cancelling());
        events.add("uncancel: " + task.uncancel());
        try {
            await(task);
        } catch (CancellationException e) {
            events.add("cancelled, cancelling " + task.cancelling());
        }
        return completed("done");
    }

    @Test
    void cancelling_countsRequests_uncancelTakesOneBack() {
        VirtualTime.run(countsRequests());
        events.assertOrder("before: 0", "after two: 2", "uncancel: 1", "at the await: task was cancelled",
                "cancelled, cancelling 1");
    }

    @Async
    Coroutine<String> takesItBack() {
        Task<String> task = createTask(sleeper());
        task.cancel();
        events.add("uncancel: " + task.uncancel());
        return completed(await(task));
    }

    @Test
    void uncancel_toZeroBeforeTheTaskRuns_dropsTheCancellation() {
        assertEquals("woke", VirtualTime.run(takesItBack()));
        events.assertOrder("uncancel: 0");
    }
}
