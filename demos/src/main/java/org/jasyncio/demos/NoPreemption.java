package org.jasyncio.demos;

import java.util.ArrayList;
import java.util.List;

import org.jasyncio.Coroutine;
import org.jasyncio.Task;
import org.jasyncio.annotation.Async;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.Asyncio.createTask;
import static org.jasyncio.Asyncio.gather;
import static org.jasyncio.Asyncio.sleep;

/**
 * Code on one event loop is never preempted: tasks switch only at an {@code await}. Several tasks
 * increment one plain field, with no lock and no volatile, and no increment is lost; they take turns
 * exactly where they await. The same with platform threads loses updates.
 */
public final class NoPreemption {

    private long counter;
    private final List<String> turns = new ArrayList<>();

    @Async
    Coroutine<Void> increment(String name, int times, int yieldEvery) {
        for (int i = 1; i <= times; i++) {
            long read = counter;
            counter = read + 1;
            if (i % yieldEvery == 0) {
                turns.add(name);
                await(sleep(0));
            }
        }
        return completed();
    }

    /** Runs {@code tasks} tasks of {@code times} increments each, yielding every {@code yieldEvery}. */
    @Async
    public Coroutine<Long> onOneLoop(int tasks, int times, int yieldEvery) {
        List<Task<Void>> running = new ArrayList<>();
        for (int t = 0; t < tasks; t++) {
            running.add(createTask(increment("t" + t, times, yieldEvery)));
        }
        await(gather(running));
        return completed(counter);
    }

    /** The order in which the tasks reached their awaits: a strict rotation. */
    public List<String> turns() {
        return turns;
    }

    /** The same increments on platform threads with no lock: returns the count that survived. */
    public static long onThreads(int threads, int times) throws InterruptedException {
        long[] shared = new long[1];
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < times; i++) {
                    shared[0]++;
                }
            });
            thread.start();
            started.add(thread);
        }
        for (Thread thread : started) {
            thread.join();
        }
        return shared[0];
    }
}
