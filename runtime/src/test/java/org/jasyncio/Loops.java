package org.jasyncio;

import org.jasyncio.internal.VirtualClock;

/** Event loops for tests. */
public final class Loops {

    private Loops() {
    }

    /** A loop on a {@link VirtualClock}: time starts at 0 and jumps to each timer's deadline. */
    public static EventLoop virtual() {
        return new EventLoop(new VirtualClock());
    }

    /** Runs {@code main} to completion on a new virtual-time loop, then closes it. */
    public static <T> T runVirtual(Coroutine<T> main) {
        EventLoop loop = virtual();
        try {
            return loop.runUntilComplete(main);
        } finally {
            loop.close();
        }
    }
}
