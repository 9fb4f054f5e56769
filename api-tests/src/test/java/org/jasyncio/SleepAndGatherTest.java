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
import org.jasyncio.testing.Events;
import org.jasyncio.testing.VirtualTime;
import org.junit.jupiter.api.Test;

/** The tutorial's promise, in virtual time: two 1 s sleeps take 2 s one after the other, 1 s gathered. */
class SleepAndGatherTest {

    private final Events events = new Events();

    @Async
    Coroutine<String> say(String word) {
        await(sleep(Duration.ofSeconds(1)));
        events.add(word);
        return completed(word);
    }

    @Async
    Coroutine<Long> sequential() {
        await(say("hello"));
        await(say("world"));
        return completed(getRunningLoop().time());
    }

    @Async
    Coroutine<Long> gathered() {
        List<String> words = await(gather(say("hello"), say("world")));
        assertEquals(List.of("hello", "world"), words);
        return completed(getRunningLoop().time());
    }

    @Test
    void sequentialSleeps_takeTheirSum() {
        assertEquals(Duration.ofSeconds(2).toNanos(), VirtualTime.run(sequential()));
        events.assertOrder("hello", "world");
    }

    @Test
    void gatheredSleeps_takeTheLongest() {
        assertEquals(Duration.ofSeconds(1).toNanos(), VirtualTime.run(gathered()));
        events.assertOrder("hello", "world");
    }
}
