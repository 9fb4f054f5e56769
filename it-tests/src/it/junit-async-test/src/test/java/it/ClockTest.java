package it;

import java.time.Duration;

import org.jasyncio.Coroutine;
import org.jasyncio.annotation.Async;
import org.jasyncio.junit.AsyncTest;
import org.junit.jupiter.api.TestInfo;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.Asyncio.createTask;
import static org.jasyncio.Asyncio.getRunningLoop;
import static org.jasyncio.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ClockTest {

    @AsyncTest(virtualTime = true)
    Coroutine<Void> anHourPassesInNoTime() {
        long started = System.nanoTime();
        await(sleep(Duration.ofHours(1)));
        assertEquals(Duration.ofHours(1).toNanos(), getRunningLoop().time());
        System.out.println("IT virtual-hour-real-ms=" + (System.nanoTime() - started) / 1_000_000);
        return completed();
    }

    @AsyncTest
    Coroutine<Void> seesItsTestInfo(TestInfo info) {
        await(sleep(1));
        assertEquals("seesItsTestInfo", info.getTestMethod().orElseThrow().getName());
        return completed();
    }

    /** Fails on purpose: the task it creates is never awaited. */
    @AsyncTest
    Coroutine<Void> leavesATaskPending() {
        createTask(forever(), "forgotten");
        await(sleep(0));
        return completed();
    }

    @Async
    static Coroutine<Void> forever() {
        await(getRunningLoop().createFuture()); // the line the failure names
        return completed();
    }
}
