package org.jasyncio.testing;

import org.jasyncio.Coroutine;
import org.jasyncio.internal.AsyncFrame;
import org.jasyncio.internal.Await;
import org.jasyncio.internal.Throwing;

/**
 * A hand-written coroutine made of steps, driven exactly as generated code drives a frame: each
 * step returns something to await (passed to {@link Await#await}; on {@link Await#SUSPENDED} the
 * frame returns {@code SUSPENDED} and, when resumed, takes the outcome from {@link Await#resumed}) or
 * {@link #returning} a value that ends the coroutine. Each step receives the outcome of the previous
 * await, a value or an exception, as the code after an {@code await} in a {@code try} would.
 */
public final class Script<T> extends AsyncFrame<T> {

    /** One stretch of a body between two awaits. */
    @FunctionalInterface
    public interface Step {
        /** Given the previous await's value, or its exception, returns the next awaitable or a {@link #returning}. */
        Object apply(Object value, Throwable failure) throws Throwable;
    }

    /** A step that only runs when the previous await succeeded; an exception passes through it. */
    @FunctionalInterface
    public interface OnValue {
        Object apply(Object value) throws Throwable;
    }

    private final String name;
    private final Step[] steps;
    private int next;

    private Script(String name, Step[] steps) {
        this.name = name;
        this.steps = steps;
    }

    /** A coroutine named {@code name} running {@code steps} in order. */
    public static <T> Coroutine<T> of(String name, Step... steps) {
        return new Script<>(name, steps);
    }

    /** A step that rethrows the previous await's exception, else applies {@code step} to its value. */
    public static Step ok(OnValue step) {
        return (value, failure) -> {
            if (failure != null) {
                throw failure;
            }
            return step.apply(value);
        };
    }

    /** What a step returns to end the coroutine with {@code value}. */
    public static Object returning(Object value) {
        return new Return(value);
    }

    @Override
    protected Object resume() {
        Object value = null;
        Throwable failure = null;
        if (next > 0) {
            try {
                value = Await.resumed(this);
            } catch (Throwable t) {
                failure = t;
            }
        }
        while (true) {
            Object result;
            try {
                result = steps[next++].apply(value, failure);
            } catch (Throwable t) {
                throw Throwing.sneaky(t);
            }
            if (result instanceof Return r) {
                return r.value();
            }
            try {
                Object awaited = Await.await(result, this);
                if (awaited == Await.SUSPENDED) {
                    return Await.SUSPENDED;
                }
                value = awaited;
                failure = null;
            } catch (Throwable t) {
                value = null;
                failure = t;
            }
        }
    }

    @Override
    public String toString() {
        return name;
    }

    private record Return(Object value) {
    }
}
