package org.jasyncio;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.Asyncio.createTask;
import static org.jasyncio.Asyncio.getRunningLoop;
import static org.jasyncio.Asyncio.sleep;
import static org.jasyncio.Asyncio.toThread;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.jasyncio.annotation.Async;
import org.jasyncio.testing.Events;
import org.jasyncio.testing.VirtualTime;
import org.junit.jupiter.api.Test;

/** Asyncio.toThread and EventLoop.runInExecutor: work on other threads, resumed on the loop. */
class ToThreadTest {

    private final Events events = new Events();

    @Async
    Coroutine<List<String>> threadNames() {
        String loopThread = Thread.currentThread().getName();
        String worker = await(toThread(() -> Thread.currentThread().getName()));
        return completed(List.of(loopThread, worker, Thread.currentThread().getName()));
    }

    @Async
    Coroutine<Throwable> failing(IOException failure) {
        try {
            await(toThread(() -> {
                throw failure;
            }));
            return completed(null);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            return completed(e);
        }
    }

    @Async
    Coroutine<String> inExecutor(ExecutorService executor) {
        return completed(await(getRunningLoop().runInExecutor(executor, () -> Thread.currentThread().getName())));
    }

    @Async
    Coroutine<String> awaitBlocked(CountDownLatch release) {
        try {
            await(toThread(() -> release.await(10, TimeUnit.SECONDS)));
            return completed("not cancelled");
        } catch (CancellationException e) {
            events.add("cancelled at the await");
            throw e;
        }
    }

    @Async
    Coroutine<Boolean> cancelWhileInThread() {
        CountDownLatch release = new CountDownLatch(1);
        Task<String> task = createTask(awaitBlocked(release));
        await(sleep(0));
        task.cancel();
        await(sleep(0));
        release.countDown();
        return completed(task.isCancelled());
    }

    @Test
    void toThread_resultComesBackOnTheLoopThread() {
        List<String> names = VirtualTime.run(threadNames());

        assertNotEquals(names.get(0), names.get(1));
        assertTrue(names.get(1).startsWith("jasyncio-executor-"), names.get(1));
        assertEquals(names.get(0), names.get(2));
    }

    @Test
    void toThread_exceptionComesBackUnchanged() {
        IOException failure = new IOException("boom");

        assertSame(failure, VirtualTime.run(failing(failure)));
    }

    @Test
    void toThread_awaitingTaskCancelled_isCancelledAtTheAwait() {
        assertTrue(VirtualTime.run(cancelWhileInThread()));
        events.assertOrder("cancelled at the await");
    }

    @Test
    void runInExecutor_givenExecutor_runsThere_andNullMeansTheDefault() throws InterruptedException {
        ExecutorService executor = Executors.newSingleThreadExecutor(work -> new Thread(work, "given"));
        try {
            assertEquals("given", VirtualTime.run(inExecutor(executor)));
            assertTrue(VirtualTime.run(inExecutor(null)).startsWith("jasyncio-executor-"));
        } finally {
            executor.shutdown();
        }
    }

    @Test
    void setDefaultExecutor_isUsedByToThread_andShutDownWithTheLoop() {
        ExecutorService executor = Executors.newSingleThreadExecutor(work -> new Thread(work, "default"));
        EventLoop loop = VirtualTime.loop();
        loop.setDefaultExecutor(executor);

        List<String> names = loop.runUntilComplete(threadNames());
        loop.close();

        assertEquals("default", names.get(1));
        assertTrue(executor.isShutdown());
    }
}
