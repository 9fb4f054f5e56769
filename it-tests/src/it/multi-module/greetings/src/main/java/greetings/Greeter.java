package greetings;

import org.jasyncio.Coroutine;
import org.jasyncio.annotation.Async;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.Asyncio.sleep;

/** A library's coroutine, awaited from another module. */
public class Greeter {

    @Async
    public Coroutine<String> greet(String name) {
        await(sleep(10));
        return completed("hello, " + name);
    }
}
