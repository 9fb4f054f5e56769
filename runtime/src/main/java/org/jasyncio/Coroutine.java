package org.jasyncio;

/**
 * The object an {@code @Async} method returns: its body, not yet run, as a Python coroutine object.
 *
 * <p>The body runs when the coroutine is awaited (inline, in the awaiting task), or when it is
 * scheduled as a task ({@link Asyncio#run}, {@link Asyncio#createTask}, {@link Asyncio#gather}, ...).
 * Either may happen once: a second use throws {@link IllegalStateException} ("coroutine already
 * awaited"). Its {@code toString()} names the method, as {@code Owner.method}.
 *
 * <p>Thread rule: a coroutine runs on the thread of the event loop of the task that runs it.
 *
 * @param <T> the type of the value the body produces
 */
public abstract non-sealed class Coroutine<T> implements Awaitable<T> {

    /** Extended only by the runtime's frames ({@code org.jasyncio.internal.AsyncFrame}). */
    protected Coroutine() {
    }
}
