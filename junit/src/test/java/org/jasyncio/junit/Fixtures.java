package org.jasyncio.junit;

import java.time.Duration;

import org.jasyncio.Coroutine;
import org.jasyncio.Task;
import org.jasyncio.annotation.Async;
import org.junit.jupiter.api.TestInfo;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.Asyncio.createTask;
import static org.jasyncio.Asyncio.getRunningLoop;
import static org.jasyncio.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Test classes that fail on purpose, run only by {@link AsyncTestFailuresTest} through JUnit's test
 * kit (surefire runs no nested class). Lines that failures must name end with {@code // at: name}.
 */
final class Fixtures {

    private Fixtures() {
    }

    @Async
    static Coroutine<Void> waitForever() {
        await(getRunningLoop().createFuture()); // at: forever
        return completed();
    }

    @Async
    static Coroutine<Void> failSoon() {
        await(sleep(10));
        throw new IllegalStateException("nobody awaits this");
    }

    static class LeavesATaskPending {
        @AsyncTest
        Coroutine<Void> leavesATaskPending() {
            createTask(waitForever(), "forgotten");
            await(sleep(0));
            return completed();
        }
    }

    static class LeavesAnExceptionUnretrieved {
        @AsyncTest(virtualTime = true)
        Coroutine<Void> leavesAnExceptionUnretrieved() {
            Task<Void> failing = createTask(failSoon(), "failing");
            await(sleep(Duration.ofSeconds(1)));
            assertEquals(true, failing.isDone());
            return completed();
        }
    }

    static class FailsWithItsOwnException {
        @AsyncTest
        Coroutine<Void> failsWithItsOwnException() {
            await(sleep(0));
            assertEquals(1, 2, "the test's own assertion");
            return completed();
        }
    }

    static class TimesOut {
        @AsyncTest(timeout = 50, timeoutUnit = java.util.concurrent.TimeUnit.MILLISECONDS)
        Coroutine<Void> timesOut() {
            await(waitForever()); // at: timed-out
            return completed();
        }
    }

    static class TimesOutOnVirtualTime {
        @AsyncTest(virtualTime = true, timeout = 50, timeoutUnit = java.util.concurrent.TimeUnit.MILLISECONDS)
        Coroutine<Void> timesOutOnVirtualTime() {
            await(sleep(Duration.ofDays(1)));
            await(waitForever());
            return completed();
        }
    }

    static class FailsAndLeavesATaskPending {
        @AsyncTest
        Coroutine<Void> failsAndLeavesATaskPending() {
            createTask(waitForever(), "forgotten");
            await(sleep(0));
            throw new IllegalStateException("the test's own failure");
        }
    }

    static class CallbackThrows {
        @AsyncTest
        Coroutine<Void> callbackThrows() {
            getRunningLoop().callSoon(() -> {
                throw new IllegalArgumentException("from a callback");
            });
            await(sleep(0));
            await(sleep(0));
            return completed();
        }
    }

    static class ZeroTimeout {
        @AsyncTest(timeout = 0)
        Coroutine<Void> zeroTimeout() {
            return completed();
        }
    }

    static class BlocksTheLoop {
        @AsyncTest(timeout = 30, timeoutUnit = java.util.concurrent.TimeUnit.MILLISECONDS)
        Coroutine<Void> blocksTheLoop() throws InterruptedException {
            await(sleep(0));
            Thread.sleep(10_000); // at: blocked
            return completed();
        }
    }

    static class Passes {
        @AsyncTest
        Coroutine<Void> passes(TestInfo info) {
            await(sleep(0));
            assertEquals("passes(TestInfo)", info.getDisplayName());
            return completed();
        }
    }
}
