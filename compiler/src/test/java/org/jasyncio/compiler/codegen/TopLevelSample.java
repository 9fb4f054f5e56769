package org.jasyncio.compiler.codegen;

import org.jasyncio.Coroutine;
import org.jasyncio.annotation.Async;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.Asyncio.sleep;

/**
 * A top-level class for {@link BodyAccessTest}: its own nest's host, so its frames can join its nest.
 * Each method takes one reference, the shape a {@code null} argument could resolve to the body.
 */
final class TopLevelSample {

    private final String greeting;

    TopLevelSample(String greeting) {
        this.greeting = greeting;
    }

    @Async
    static Coroutine<String> describe(Object value) {
        await(sleep(0));
        return completed(String.valueOf(value));
    }

    @Async
    Coroutine<String> greet(Object name) {
        await(sleep(0));
        return completed(greeting + ", " + name);
    }
}
