package org.jasyncio;

/**
 * The object an {@code @Async} method returns: its body, not yet run.
 *
 * @param <T> the type of the value the body produces
 */
public abstract class Coroutine<T> implements Awaitable<T> {

    /** Extended only by the runtime's frames ({@code org.jasyncio.internal.AsyncFrame}). */
    protected Coroutine() {
    }
}
