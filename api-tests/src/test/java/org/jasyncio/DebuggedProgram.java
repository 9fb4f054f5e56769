package org.jasyncio;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.Asyncio.sleep;

import java.time.Duration;

import org.jasyncio.annotation.Async;

/** The program {@link DebuggerTest} runs under a debugger: an {@code @Async} method that really suspends. */
public final class DebuggedProgram {

    private DebuggedProgram() {
    }

    @Async
    static Coroutine<Integer> work(int start) {
        String label = "total";
        int total = start;
        await(sleep(Duration.ofMillis(1)));
        total += 10; // at: after-await
        total += 100; // at: next
        System.out.println(label + " from " + start + ": " + total);
        return completed(total);
    }

    public static void main(String[] args) {
        Asyncio.run(work(5));
    }
}
