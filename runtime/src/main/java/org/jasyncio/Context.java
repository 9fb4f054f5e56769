package org.jasyncio;

import java.util.Arrays;
import java.util.concurrent.Callable;

/**
 * An immutable set of {@link ContextVar} values, as Python's {@code contextvars.Context}: setting a
 * variable makes a new context, so a task keeps its own by holding one reference, and a task created
 * later starts from whatever context was current then, with no copy.
 *
 * <p>Variables are few in practice, so it is an array of pairs, searched by identity and copied on
 * write. {@link #EMPTY} is shared: a program that uses no variable never allocates one.
 *
 * <p>Which context is current: on a thread running an event loop, the loop's ({@link EventLoop}
 * switches it around each task step); on any other thread, the thread's own.
 *
 * <p>Thread rule: immutable, so any thread may read one.
 */
final class Context {

    static final Context EMPTY = new Context(new Object[0]);

    private static final ThreadLocal<Context> THREAD = ThreadLocal.withInitial(() -> EMPTY);

    /** Variables at even indexes, each followed by its value. */
    private final Object[] pairs;

    private Context(Object[] pairs) {
        this.pairs = pairs;
    }

    /** The context current on the calling thread. */
    static Context current() {
        EventLoop loop = EventLoop.running();
        return loop != null ? loop.context : THREAD.get();
    }

    /** Makes {@code context} current on the calling thread. */
    static void makeCurrent(Context context) {
        EventLoop loop = EventLoop.running();
        if (loop != null) {
            loop.context = context;
        } else {
            THREAD.set(context);
        }
    }

    /** The context of the calling thread, outside any loop. */
    static Context ofThread() {
        return THREAD.get();
    }

    /** Runs {@code function} on this thread, outside any loop, with this context current, then restores the thread's. */
    <T> T call(Callable<T> function) throws Exception {
        Context saved = THREAD.get();
        THREAD.set(this);
        try {
            return function.call();
        } finally {
            THREAD.set(saved);
        }
    }

    /** Whether {@code variable} has a value here. */
    boolean contains(ContextVar<?> variable) {
        return indexOf(variable) >= 0;
    }

    /** The value of {@code variable}, which {@link #contains} it. */
    Object get(ContextVar<?> variable) {
        return pairs[indexOf(variable) + 1];
    }

    /** This context with {@code variable} set to {@code value}. */
    Context with(ContextVar<?> variable, Object value) {
        int at = indexOf(variable);
        Object[] copy;
        if (at >= 0) {
            copy = pairs.clone();
        } else {
            at = pairs.length;
            copy = Arrays.copyOf(pairs, at + 2);
            copy[at] = variable;
        }
        copy[at + 1] = value;
        return new Context(copy);
    }

    /** This context without a value for {@code variable}. */
    Context without(ContextVar<?> variable) {
        int at = indexOf(variable);
        if (at < 0) {
            return this;
        }
        Object[] copy = new Object[pairs.length - 2];
        System.arraycopy(pairs, 0, copy, 0, at);
        System.arraycopy(pairs, at + 2, copy, at, pairs.length - at - 2);
        return new Context(copy);
    }

    private int indexOf(ContextVar<?> variable) {
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i] == variable) {
                return i;
            }
        }
        return -1;
    }
}
