package org.jasyncio;

import static org.jasyncio.Asyncio.asCompleted;
import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

import org.jasyncio.annotation.Async;
import org.jasyncio.testing.VirtualTime;
import org.junit.jupiter.api.Test;

class AsCompletedTest {

    @Async
    Coroutine<String> after(String name, long seconds) {
        await(sleep(Duration.ofSeconds(seconds)));
        if (name.startsWith("bad")) {
            throw new IllegalStateException(name);
        }
        return completed(name);
    }

    @Async
    Coroutine<List<String>> inCompletionOrder() {
        List<String> seen = new ArrayList<>();
        for (Coroutine<String> next : asCompleted(List.of(after("a", 3), after("bad", 1), after("c", 2)))) {
            try {
                seen.add(await(next));
            } catch (IllegalStateException e) {
                seen.add("failed: " + e.getMessage());
            }
        }
        return completed(seen);
    }

    @Test
    void asCompleted_givesOutcomesInCompletionOrder() {
        assertEquals(List.of("failed: bad", "c", "a"), VirtualTime.run(inCompletionOrder()));
    }

    @Async
    Coroutine<List<String>> pastTheTimeout() {
        List<String> seen = new ArrayList<>();
        Coroutine<String> slow = after("slow", 10);
        Task<String> slowTask = Asyncio.createTask(slow);
        try {
            for (Coroutine<String> next : asCompleted(List.of(after("fast", 1), slowTask), Duration.ofSeconds(2))) {
                try {
                    seen.add(await(next));
                } catch (IllegalStateException e) {
                    seen.add("failed");
                }
            }
        } catch (TimeoutException e) {
            seen.add("timed out at " + Duration.ofNanos(Asyncio.getRunningLoop().time()).toSeconds() + " s");
        }
        seen.add("slow cancelled: " + slowTask.isCancelled());
        seen.add(await(slowTask));
        return completed(seen);
    }

    @Test
    void asCompleted_timeout_throwsTimeoutException_andCancelsNothing() {
        assertEquals(List.of("fast", "timed out at 2 s", "slow cancelled: false", "slow"), VirtualTime.run(pastTheTimeout()));
    }
}
