package org.jasyncio;

/**
 * Something an {@code @Async} method can {@code await}, as asyncio's awaitables: a {@link Coroutine},
 * a {@link Task} or a {@link Future}. ({@code await} also accepts any
 * {@link java.util.concurrent.CompletionStage}, which is not an {@code Awaitable}.) The set is closed:
 * the runtime knows how to wait for each kind.
 *
 * @param <T> the type of the value it produces
 */
public sealed interface Awaitable<T> permits Coroutine, Future {
}
