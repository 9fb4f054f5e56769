package app;

import org.jasyncio.Coroutine;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.Asyncio.sleep;

/** Forgot @Async: javac is happy, the plugin would fail the build, the agent refuses the class. */
public class Misused {

    public static Coroutine<String> hello() {
        await(sleep(1));
        return completed("hello");
    }
}
