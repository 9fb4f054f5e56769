package org.jasyncio.testing;

import java.util.function.Supplier;

import org.jasyncio.Coroutine;
import org.jasyncio.EventLoop;
import org.jasyncio.internal.LoopFactory;
import org.jasyncio.internal.VirtualClock;

/**
 * Runs a test's coroutine on a loop whose clock jumps to the next timer whenever the loop would
 * wait: {@code sleep(Duration.ofHours(1))} takes no real time, and {@code loop.time()} says exactly
 * how much virtual time passed.
 */
public final class VirtualTime {

    private VirtualTime() {
    }

    /** A new loop on a virtual clock that starts at 0. */
    public static EventLoop loop() {
        return LoopFactory.withClock(new VirtualClock());
    }

    /** Runs {@code main} to completion on a new virtual-time loop, then closes it. */
    public static <T> T run(Coroutine<T> main) {
        EventLoop loop = loop();
        try {
            return loop.runUntilComplete(main);
        } finally {
            loop.close();
        }
    }

    /** As {@link #run(Coroutine)}, for a coroutine made by {@code main} once the loop runs. */
    public static <T> T run(Supplier<Coroutine<T>> main) {
        return run(main.get());
    }
}
