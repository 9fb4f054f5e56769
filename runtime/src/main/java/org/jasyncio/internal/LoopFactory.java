package org.jasyncio.internal;

import java.util.List;
import java.util.Objects;

import org.jasyncio.ErrorContext;
import org.jasyncio.EventLoop;

/**
 * Makes event loops on a clock other than the system's, for test frameworks (virtual time), and lets
 * them check at a test's end which failures nobody retrieved. Not for user code. {@code EventLoop}'s
 * constructor that takes a {@link Clock} stays package-private, so that the public API shows no
 * internal type; the loop hands a {@link Maker} over here when its class is initialised.
 */
public final class LoopFactory {

    /** What the runtime's own package does for this factory. */
    public interface Maker {

        /** A new, idle loop on {@code clock}; one that keeps its futures' failures when {@code keepFailures}. */
        EventLoop make(Clock clock, boolean keepFailures);

        /** The failures kept by {@code loop} that nobody retrieved so far; they are then reported no more. */
        List<ErrorContext> takeUnretrieved(EventLoop loop);
    }

    private static volatile Maker maker;

    private LoopFactory() {
    }

    /** A new, idle event loop whose {@code time()} and timers follow {@code clock}. */
    public static EventLoop withClock(Clock clock) {
        return maker().make(Objects.requireNonNull(clock, "clock"), false);
    }

    /**
     * As {@link #withClock}, for a loop that also keeps the exceptions its futures and tasks fail
     * with, so that {@link #takeUnretrieved} can tell at once, without waiting for the garbage
     * collector, which of them nobody retrieved.
     */
    public static EventLoop keepingFailures(Clock clock) {
        return maker().make(Objects.requireNonNull(clock, "clock"), true);
    }

    /**
     * The exceptions of {@code loop}'s futures that nobody retrieved (by {@code result()},
     * {@code exception()} or awaiting), oldest first, each as the context its loop would report when
     * the future is garbage-collected; they are not reported again. Empty for a loop that does not
     * keep failures. On the thread that ran the loop, while it does not run.
     */
    public static List<ErrorContext> takeUnretrieved(EventLoop loop) {
        return maker().takeUnretrieved(Objects.requireNonNull(loop, "loop"));
    }

    /** Called once, by {@code EventLoop}'s static initialiser. */
    public static void install(Maker loopMaker) {
        if (maker != null) {
            throw new IllegalStateException("the event loop factory is installed already");
        }
        maker = loopMaker;
    }

    private static Maker maker() {
        if (maker == null) {
            try {
                Class.forName(EventLoop.class.getName(), true, EventLoop.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new AssertionError(e);
            }
        }
        return maker;
    }
}
