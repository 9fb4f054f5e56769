package seed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jasyncio.Coroutine;
import org.jasyncio.annotation.Async;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.Asyncio.gather;
import static org.jasyncio.Asyncio.sleep;

/** The tutorial's say_after, awaited in sequence and gathered. */
public class Hello {

    final List<String> said = new ArrayList<>();

    @Async
    Coroutine<String> sayAfter(Duration delay, String word) {
        await(sleep(delay));
        said.add(word);
        return completed(word);
    }

    @Async
    Coroutine<List<String>> sequential() {
        String hello = await(sayAfter(Duration.ofSeconds(1), "Hello"));
        String world = await(sayAfter(Duration.ofSeconds(1), "World"));
        return completed(List.of(hello, world));
    }

    @Async
    Coroutine<List<String>> gathered() {
        return gather(sayAfter(Duration.ofSeconds(1), "Hello"), sayAfter(Duration.ofSeconds(1), "World"));
    }
}
