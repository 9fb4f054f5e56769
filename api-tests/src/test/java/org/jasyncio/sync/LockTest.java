package org.jasyncio.sync;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.Asyncio.createTask;
import static org.jasyncio.Asyncio.getRunningLoop;
import static org.jasyncio.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CancellationException;

import org.jasyncio.Coroutine;
import org.jasyncio.Task;
import org.jasyncio.annotation.Async;
import org.jasyncio.testing.Events;
import org.jasyncio.testing.LostWakeUp;
import org.jasyncio.testing.VirtualTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

class LockTest {

    private final Events events = new Events();
    private final Lock lock = new Lock();

    /** Takes the lock, holds it one second, releases it; says when it got it and if it was cancelled. */
    @Async
    Coroutine<Void> holder(String name) {
        try {
            await(lock.acquire());
        } catch (CancellationException e) {
            events.add(name + " cancelled");
            throw e;
        }
        events.add(name + " got it at " + seconds());
        await(sleep(Duration.ofSeconds(1)));
        lock.release();
        return completed();
    }

    @Async
    Coroutine<Void> record(String event) {
        events.add(event);
        return completed();
    }

    private static long seconds() {
        return getRunningLoop().time() / 1_000_000_000L;
    }

    @Async
    Coroutine<Void> uncontended() {
        createTask(record("other task"));
        await(lock.acquire());
        events.add("acquired, locked=" + lock.isLocked());
        lock.release();
        events.add("released, locked=" + lock.isLocked());
        await(sleep(0));
        return completed();
    }

    @Test
    void acquire_unlocked_takesItWithoutSuspending() {
        VirtualTime.run(uncontended());
        events.assertOrder("acquired, locked=true", "released, locked=false", "other task");
    }

    @Async
    Coroutine<Void> threeWaiters() {
        await(lock.acquire());
        Task<Void> a = createTask(holder("A"));
        Task<Void> b = createTask(holder("B"));
        Task<Void> c = createTask(holder("C"));
        await(sleep(Duration.ofSeconds(1)));
        lock.release();
        await(a);
        await(b);
        await(c);
        return completed();
    }

    @Test
    void waiters_getTheLockFirstInFirstOut() {
        VirtualTime.run(threeWaiters());
        events.assertOrder("A got it at 1", "B got it at 2", "C got it at 3");
        assertFalse(lock.isLocked());
    }

    @Async
    Coroutine<Void> newcomerWhileTheFirstWaiterIsWoken() {
        await(lock.acquire());
        Task<Void> a = createTask(holder("A"));
        await(sleep(0));
        lock.release();
        // The lock is free, but A was woken for it and has not run yet: B must queue behind A.
        events.add("free, locked=" + lock.isLocked());
        Task<Void> b = createTask(holder("B"));
        await(a);
        await(b);
        return completed();
    }

    @Test
    void acquire_whileAWokenWaiterHasNotRun_waitsBehindIt() {
        VirtualTime.run(newcomerWhileTheFirstWaiterIsWoken());
        events.assertOrder("free, locked=false", "A got it at 0", "B got it at 1");
    }

    @Async
    Coroutine<Void> cancelWhileWaiting() {
        await(lock.acquire());
        Task<Void> a = createTask(holder("A"));
        Task<Void> b = createTask(holder("B"));
        await(sleep(0));
        a.cancel();
        await(sleep(Duration.ofSeconds(1)));
        lock.release();
        await(b);
        assertTrue(a.isCancelled());
        return completed();
    }

    @Test
    @Timeout(value = 10, threadMode = ThreadMode.SEPARATE_THREAD)  // a lost wake-up hangs the loop
    void cancelledWaiter_leavesTheLineAndNeverGetsTheLock() {
        VirtualTime.run(cancelWhileWaiting());
        events.assertOrder("A cancelled", "B got it at 1");
        assertFalse(lock.isLocked());
    }

    /** bpo-27585: A is woken by the release and cancelled before it runs; the lock must go to B. */
    @Async
    Coroutine<Void> cancelAfterWakeUp() {
        await(lock.acquire());
        return LostWakeUp.wakeThenCancelTheFirst(holder("A"), holder("B"), lock::release);
    }

    @Test
    @Timeout(value = 10, threadMode = ThreadMode.SEPARATE_THREAD)  // a lost wake-up hangs the loop
    void waiterWokenThenCancelled_passesTheLockToTheNext() {
        VirtualTime.run(cancelAfterWakeUp());
        events.assertOrder("A cancelled", "B got it at 0");
        assertFalse(lock.isLocked());
    }

    @Test
    void release_ofAnUnlockedLock_throws() {
        IllegalStateException e = assertThrows(IllegalStateException.class, lock::release);
        assertEquals("release() of Lock[unlocked, waiters=0], which is not locked:"
                + " release a lock once for each acquire() that returned", e.getMessage());
    }

    @Async
    Coroutine<Void> waitOnce() {
        await(lock.acquire());
        Task<Void> waiter = createTask(holder("waiter"));
        await(sleep(0));
        lock.release();
        await(waiter);
        return completed();
    }

    @Async
    Coroutine<Void> waitFromAnotherLoop() {
        await(lock.acquire());
        await(lock.acquire());
        return completed();
    }

    @Test
    void waitingFromASecondLoop_throws() {
        VirtualTime.run(waitOnce());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> VirtualTime.run(waitFromAnotherLoop()));
        assertTrue(e.getMessage().contains("bound to the event loop of the first task that waited on it"), e.getMessage());
    }
}
