package org.jasyncio.internal;

import java.util.Objects;
import java.util.function.Function;

import org.jasyncio.EventLoop;

/**
 * Makes event loops on a clock other than the system's, for test frameworks (virtual time). Not for
 * user code. {@code EventLoop}'s constructor that takes a {@link Clock} stays package-private, so that
 * the public API shows no internal type; the loop hands it over here when its class is initialised.
 */
public final class LoopFactory {

    private static volatile Function<Clock, EventLoop> factory;

    private LoopFactory() {
    }

    /** A new, idle event loop whose {@code time()} and timers follow {@code clock}. */
    public static EventLoop withClock(Clock clock) {
        Objects.requireNonNull(clock, "clock");
        if (factory == null) {
            try {
                Class.forName(EventLoop.class.getName(), true, EventLoop.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new AssertionError(e);
            }
        }
        return factory.apply(clock);
    }

    /** Called once, by {@code EventLoop}'s static initialiser. */
    public static void install(Function<Clock, EventLoop> loopFactory) {
        if (factory != null) {
            throw new IllegalStateException("the event loop factory is installed already");
        }
        factory = loopFactory;
    }
}
