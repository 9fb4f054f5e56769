package com.example;

import org.jasyncio.Coroutine;
import org.jasyncio.annotation.Async;

import java.util.List;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.Asyncio.gather;
import static org.jasyncio.Asyncio.sleep;

/** Async methods used correctly: the agent rewrites this class and defines its frame classes. */
public class Sleeper {

    @Async
    static Coroutine<String> after(long millis, String word) {
        await(sleep(millis));
        return completed(word);
    }

    @Async
    public static Coroutine<String> sequenceThenGather() {
        String first = await(after(1, "a"));
        List<String> both = await(gather(after(2, "b"), after(1, "c")));
        return completed(first + both);
    }
}
