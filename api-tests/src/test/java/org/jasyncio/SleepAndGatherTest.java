package org.jasyncio;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.Asyncio.gather;
import static org.jasyncio.Asyncio.getRunningLoop;
import static org.jasyncio.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import org.jasyncio.annotation.Async;
import org.jasyncio.junit.AsyncTest;
import org.jasyncio.testing.Events;

/** The tutorial's promise, in virtual time: two 1 s sleeps take 2 s one after the other, 1 s gathered. */
class SleepAndGatherTest {

    private final Events events = new Events();

    @Async
    Coroutine<String> say(String word) {
        await(sleep(Duration.ofSeconds(1)));
        events.add(word);
        return completed(word);
    }

    @AsyncTest(virtualTime = true)
    Coroutine<Void> sequentialSleeps_takeTheirSum() {
        await(say("hello"));
        await(say("world"));
        assertEquals(Duration.ofSeconds(2).toNanos(), getRunningLoop().time());
        events.assertOrder("hello", "world");
        return completed();
    }

    @AsyncTest(virtualTime = true)
    Coroutine<Void> gatheredSleeps_takeTheLongest() {
        List<String> words = await(gather(say("hello"), say("world")));
        assertEquals(List.of("hello", "world"), words);
        assertEquals(Duration.ofSeconds(1).toNanos(), getRunningLoop().time());
        events.assertOrder("hello", "world");
        return completed();
    }
}
