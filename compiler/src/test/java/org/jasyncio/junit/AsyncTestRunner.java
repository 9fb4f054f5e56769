package org.jasyncio.junit;

import java.util.ArrayList;
import java.util.List;

import org.jasyncio.Asyncio;
import org.jasyncio.Coroutine;

/** A stand-in for the JUnit module's runner (see {@link AsyncTest}): runs the coroutine and remembers it. */
public final class AsyncTestRunner {

    /** The coroutines run, in order. */
    public static final List<Coroutine<?>> RAN = new ArrayList<>();

    private AsyncTestRunner() {
    }

    public static void run(Coroutine<?> test) {
        RAN.add(test);
        Asyncio.run(test);
    }
}
