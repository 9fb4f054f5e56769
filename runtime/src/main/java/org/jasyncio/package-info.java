/**
 * Python's asyncio for Java: {@code @Async} methods return {@link org.jasyncio.Coroutine}s that await
 * each other, {@link org.jasyncio.Future}s and {@link org.jasyncio.Task}s on an
 * {@link org.jasyncio.EventLoop}; {@link org.jasyncio.Asyncio} runs and composes them.
 *
 * <pre>{@code
 * @Async static Coroutine<String> fetch(String name) {
 *     await(sleep(Duration.ofMillis(100)));
 *     return completed(name.toUpperCase());
 * }
 * List<String> both = Asyncio.run(gather(fetch("a"), fetch("b")));  // ~100 ms, [A, B]
 * }</pre>
 */
package org.jasyncio;
