package cov;

import org.jasyncio.Coroutine;
import org.jasyncio.annotation.Async;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.Asyncio.sleep;

/** What the methods under test await: values at once, values after a real suspension, failures. */
public final class Steps {

    private Steps() {
    }

    /** Completes at once: awaiting it does not suspend. */
    @Async
    public static Coroutine<Integer> quick(int value) {
        return completed(value * 2);
    }

    /** Suspends once, then gives the value. */
    @Async
    public static Coroutine<Integer> slow(int value) {
        await(sleep(1));
        return completed(value + 1);
    }

    /** Suspends once, then fails when asked to. */
    @Async
    public static Coroutine<Integer> failing(boolean fail) {
        await(sleep(1));
        if (fail) {
            throw new IllegalStateException("asked to fail");
        }
        return completed(7);
    }

    public static int quickPlain(int value) {
        return value * 2;
    }

    public static int slowPlain(int value) {
        return value + 1;
    }

    public static int failingPlain(boolean fail) {
        if (fail) {
            throw new IllegalStateException("asked to fail");
        }
        return 7;
    }
}
