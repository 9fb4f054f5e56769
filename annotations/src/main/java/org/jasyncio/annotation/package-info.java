/**
 * The {@link org.jasyncio.annotation.Async} annotation, which marks coroutine methods.
 *
 * <pre>{@code
 * @Async
 * static Coroutine<String> greet(String name) {
 *     await(sleep(Duration.ofMillis(10)));
 *     return completed("hello " + name);
 * }
 * }</pre>
 */
package org.jasyncio.annotation;
