package org.jasyncio.compiler.testing;

import org.jasyncio.Asyncio;
import org.jasyncio.Awaitable;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;

/**
 * How the values that samples await complete: at once ({@link #NOW}: an already complete coroutine,
 * awaited inline without suspending), or only after a turn of the event loop ({@link #LATER}: a
 * future completed by a callback, so every await really suspends and resumes).
 */
public enum Pace {
    NOW,
    LATER;

    private static volatile Pace current = NOW;
    private static int suspensions;

    /** Makes every {@link #value} and {@link #failure} of the samples complete at {@code pace}. */
    public static void set(Pace pace) {
        current = pace;
        suspensions = 0;
    }

    /** How many awaited values completed later, since {@link #set}. */
    public static int suspensions() {
        return suspensions;
    }

    /** {@code value}, at the current pace. */
    public static <T> Awaitable<T> value(T value) {
        if (current == NOW) {
            return Asyncio.completed(value);
        }
        EventLoop loop = Asyncio.getRunningLoop();
        Future<T> future = loop.createFuture();
        suspensions++;
        loop.callSoon(() -> future.setResult(value));
        return future;
    }

    /** A failure with {@code exception}, at the current pace. */
    public static <T> Awaitable<T> failure(Throwable exception) {
        EventLoop loop = Asyncio.getRunningLoop();
        Future<T> future = loop.createFuture();
        if (current == NOW) {
            future.setException(exception);
        } else {
            suspensions++;
            loop.callSoon(() -> future.setException(exception));
        }
        return future;
    }
}
