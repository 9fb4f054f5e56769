package org.jasyncio.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method as a coroutine, as {@code async def} does in Python.
 *
 * <p>The method must return {@code org.jasyncio.Coroutine<T>} and must be neither abstract nor
 * native. Calling it runs none of its body: it returns a coroutine object whose body runs when the
 * coroutine is awaited, passed to {@code Asyncio.run}, or wrapped in a task. Inside the body,
 * {@code Asyncio.await(x)} suspends the method until {@code x} completes.
 *
 * <p>The jasyncio build-time compiler (the {@code jasyncio-maven-plugin}) rewrites every method
 * carrying this annotation into a resumable state machine; without it, {@code await} throws.
 * The build fails, naming the class, the method and the source line, if the annotation is misused.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Async {
}
