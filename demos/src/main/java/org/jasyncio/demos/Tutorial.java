package org.jasyncio.demos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jasyncio.Coroutine;
import org.jasyncio.annotation.Async;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.Asyncio.gather;
import static org.jasyncio.Asyncio.sleep;

/**
 * The asyncio tutorial's first example: {@code say_after} awaited twice in sequence takes the sum of
 * the delays; gathered, the two run concurrently and take the longer one.
 */
public final class Tutorial {

    private final Duration delay;
    private final List<String> said = new ArrayList<>();

    public Tutorial(Duration delay) {
        this.delay = delay;
    }

    /** Every word said so far, in the order it was said. */
    public List<String> said() {
        return said;
    }

    @Async
    Coroutine<String> sayAfter(String word) {
        await(sleep(delay));
        said.add(word);
        return completed(word);
    }

    /** {@code await say_after('hello'); await say_after('world')}. */
    @Async
    public Coroutine<List<String>> sequential() {
        String hello = await(sayAfter("hello"));
        String world = await(sayAfter("world"));
        return completed(List.of(hello, world));
    }

    /** {@code await asyncio.gather(say_after('hello'), say_after('world'))}. */
    @Async
    public Coroutine<List<String>> gathered() {
        return gather(sayAfter("hello"), sayAfter("world"));
    }
}
