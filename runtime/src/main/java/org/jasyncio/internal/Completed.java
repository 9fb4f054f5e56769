package org.jasyncio.internal;

/**
 * The coroutine of {@code Asyncio.completed}: finishes with its value as soon as it runs, without
 * suspending. Not for user code.
 */
public final class Completed<T> extends AsyncFrame<T> {

    private final T value;

    /** A coroutine that finishes with {@code value}. */
    public Completed(T value) {
        this.value = value;
    }

    @Override
    protected Object resume() {
        return value;
    }

    @Override
    public String toString() {
        return "completed";
    }
}
