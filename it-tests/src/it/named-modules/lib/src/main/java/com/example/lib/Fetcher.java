package com.example.lib;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.Asyncio.sleep;

import java.io.FileNotFoundException;
import org.jasyncio.Coroutine;
import org.jasyncio.annotation.Async;

/** Pretends to fetch pages: each takes a while, and "/missing" pages do not exist. */
public final class Fetcher {

    private Fetcher() {
    }

    @Async
    public static Coroutine<String> fetch(String path) throws FileNotFoundException {
        await(sleep(10));
        if (path.startsWith("/missing")) {
            throw new FileNotFoundException(path);
        }
        return completed("<page " + path + ">");
    }
}
