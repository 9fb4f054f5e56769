package org.jasyncio.junit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import org.jasyncio.Coroutine;
import org.jasyncio.EventLoop;
import org.jasyncio.annotation.Async;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

import static org.jasyncio.Asyncio.allTasks;
import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.Asyncio.currentTask;
import static org.jasyncio.Asyncio.gather;
import static org.jasyncio.Asyncio.getRunningLoop;
import static org.jasyncio.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code @AsyncTest} methods that pass, as users write them. */
class AsyncTestTest {

    private static EventLoop previousLoop;

    @AsyncTest(virtualTime = true)
    Coroutine<Void> onVirtualTime_anHourOfSleep_takesNoRealTime() {
        long started = System.nanoTime();
        await(sleep(Duration.ofHours(1)));
        assertEquals(Duration.ofHours(1).toNanos(), getRunningLoop().time());
        await(gather(sleep(Duration.ofMinutes(30)), sleep(Duration.ofMinutes(20))));
        assertEquals(Duration.ofMinutes(90).toNanos(), getRunningLoop().time());
        long realNanos = System.nanoTime() - started;
        assertTrue(realNanos < Duration.ofMillis(500).toNanos(), "an hour and a half took " + realNanos + " ns");
        return completed();
    }

    @AsyncTest
    Coroutine<Void> onRealTime_aSleepTakesItsTime() {
        long started = System.nanoTime();
        await(sleep(20));
        assertTrue(System.nanoTime() - started >= Duration.ofMillis(20).toNanos());
        return completed();
    }

    @AsyncTest
    Coroutine<Void> parameters_areResolvedByJUnit(TestInfo info, @TempDir Path directory) {
        await(sleep(0));
        assertEquals("parameters_areResolvedByJUnit(TestInfo, Path)", info.getDisplayName());
        assertTrue(Files.isDirectory(directory));
        return completed();
    }

    @AsyncTest(virtualTime = true)
    Coroutine<Void> eachTest_hasAFreshLoop_withOnlyItsOwnTask_andItsClockAtZero() {
        return aFreshLoop();
    }

    @AsyncTest(virtualTime = true)
    Coroutine<Void> anotherTest_hasAFreshLoop_too() {
        return aFreshLoop();
    }

    @Async
    private static Coroutine<Void> aFreshLoop() {
        EventLoop loop = getRunningLoop();
        assertNotSame(previousLoop, loop);
        previousLoop = loop;
        assertEquals(Set.of(currentTask()), allTasks());
        assertEquals(0, loop.time());
        await(sleep(Duration.ofSeconds(5)));
        return completed();
    }
}
