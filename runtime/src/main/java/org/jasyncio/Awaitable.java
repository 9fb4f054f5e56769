package org.jasyncio;

/**
 * Something an {@code @Async} method can {@code await}: a {@link Coroutine}, a {@code Task} or a
 * {@code Future}, as asyncio's awaitables are.
 *
 * @param <T> the type of the value it produces
 */
public interface Awaitable<T> {
}
