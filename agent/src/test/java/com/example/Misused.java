package com.example;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.sleep;

/** An await in a method that is not {@code @Async} (line 10): the plugin fails the build on it. */
public class Misused {

    public static void notAsync() {
        await(sleep(1));
    }
}
