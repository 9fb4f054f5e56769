package org.jasyncio.sync;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.Asyncio.createTask;
import static org.jasyncio.Asyncio.getRunningLoop;
import static org.jasyncio.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CancellationException;

import org.jasyncio.Coroutine;
import org.jasyncio.Task;
import org.jasyncio.annotation.Async;
import org.jasyncio.testing.Events;
import org.jasyncio.testing.VirtualTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

class ConditionTest {

    private final Events events = new Events();
    private final Condition condition = new Condition();
    private int items;

    private static long seconds() {
        return getRunningLoop().time() / 1_000_000_000L;
    }

    /** Waits for one signal, holding the lock before and after; says how it ended and whether it held the lock. */
    @Async
    Coroutine<Void> waiter(String name) {
        await(condition.acquire());
        try {
            try {
                await(condition.waitSignal());
            } catch (CancellationException e) {
                events.add(name + " cancelled at " + seconds() + ", locked=" + condition.isLocked());
                throw e;
            }
            events.add(name + " signalled at " + seconds() + ", locked=" + condition.isLocked());
        } finally {
            condition.release();
        }
        return completed();
    }

    @Async
    Coroutine<Void> signalOneThenTwo() {
        Task<Void> a = createTask(waiter("A"));
        Task<Void> b = createTask(waiter("B"));
        Task<Void> c = createTask(waiter("C"));
        await(sleep(0));
        events.add("all wait, locked=" + condition.isLocked());
        await(condition.acquire());
        condition.signal();
        condition.release();
        await(a);
        await(sleep(Duration.ofSeconds(1)));
        await(condition.acquire());
        condition.signal(2);
        condition.release();
        await(b);
        await(c);
        return completed();
    }

    @Test
    void signal_wakesWaitersFirstInFirstOut_eachHoldingTheLockAgain() {
        VirtualTime.run(signalOneThenTwo());
        events.assertOrder("all wait, locked=false", "A signalled at 0, locked=true",
                "B signalled at 1, locked=true", "C signalled at 1, locked=true");
        assertFalse(condition.isLocked());
    }

    @Async
    Coroutine<Void> signalAllWhileHoldingTheLock() {
        Task<Void> a = createTask(waiter("A"));
        Task<Void> b = createTask(waiter("B"));
        await(sleep(0));
        await(condition.acquire());
        condition.signalAll();
        await(sleep(Duration.ofSeconds(1)));
        events.add("releases at " + seconds());
        condition.release();
        await(a);
        await(b);
        return completed();
    }

    @Test
    void signalAll_wakesEveryWaiter_whoReturnOnlyOnceTheyHaveTheLock() {
        VirtualTime.run(signalAllWhileHoldingTheLock());
        events.assertOrder("releases at 1", "A signalled at 1, locked=true", "B signalled at 1, locked=true");
    }

    /** The lock is held by this task when the waiter is cancelled: the waiter re-acquires it before it throws. */
    @Async
    Coroutine<Void> cancelWhileTheLockIsHeld() {
        Task<Void> a = createTask(waiter("A"));
        await(sleep(0));
        await(condition.acquire());
        a.cancel();
        await(sleep(Duration.ofSeconds(1)));
        events.add("releases at " + seconds());
        condition.release();
        await(sleep(0));
        assertTrue(a.isCancelled());
        return completed();
    }

    @Test
    @Timeout(value = 10, threadMode = ThreadMode.SEPARATE_THREAD)  // a lost wake-up hangs the loop
    void waitSignal_cancelled_reacquiresTheLockBeforeItThrows() {
        VirtualTime.run(cancelWhileTheLockIsHeld());
        events.assertOrder("releases at 1", "A cancelled at 1, locked=true");
        assertFalse(condition.isLocked());
    }

    /** gh-111693: A is signalled and cancelled before it runs; the signal must reach B. */
    @Async
    Coroutine<Void> cancelAfterSignal() {
        Task<Void> a = createTask(waiter("A"));
        Task<Void> b = createTask(waiter("B"));
        await(sleep(0));
        await(condition.acquire());
        condition.signal();
        a.cancel();
        condition.release();
        await(b);
        assertTrue(a.isCancelled());
        return completed();
    }

    @Test
    @Timeout(value = 10, threadMode = ThreadMode.SEPARATE_THREAD)  // a lost wake-up hangs the loop
    void waiterSignalledThenCancelled_passesTheSignalOn() {
        VirtualTime.run(cancelAfterSignal());
        events.assertOrder("A cancelled at 0, locked=true", "B signalled at 0, locked=true");
    }

    @Async
    Coroutine<Void> consumer() {
        await(condition.acquire());
        try {
            await(condition.waitUntil(() -> items >= 2));
            events.add("consumer sees " + items + " at " + seconds());
        } finally {
            condition.release();
        }
        return completed();
    }

    @Async
    Coroutine<Void> produceTwo() {
        Task<Void> consumer = createTask(consumer());
        for (int i = 0; i < 3; i++) {
            await(sleep(Duration.ofSeconds(1)));
            await(condition.acquire());
            items++;
            events.add("produced " + items);
            condition.signalAll();
            condition.release();
        }
        await(consumer);
        return completed();
    }

    @Test
    void waitUntil_waitsForSignalsUntilThePredicateHolds() {
        VirtualTime.run(produceTwo());
        events.assertOrder("produced 1", "produced 2", "consumer sees 2 at 2", "produced 3");
    }

    @Async
    Coroutine<Void> waitWithoutTheLock() {
        await(condition.waitSignal());
        return completed();
    }

    @Test
    void signalAndWait_withoutTheLock_throw() {
        assertEquals("signal() on Condition[unlocked, waiters=0] whose lock is not held:"
                + " await acquire() first, and release() after",
                assertThrows(IllegalStateException.class, condition::signal).getMessage());
        assertThrows(IllegalStateException.class, condition::signalAll);
        assertThrows(IllegalStateException.class, () -> condition.signal(3));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> VirtualTime.run(waitWithoutTheLock()));
        assertTrue(e.getMessage().startsWith("waitSignal() on Condition[unlocked"), e.getMessage());
    }

    @Async
    Coroutine<Void> holdSharedLock(Lock lock, Condition other) {
        await(other.acquire());
        events.add("lock=" + lock.isLocked() + ", condition=" + condition.isLocked());
        other.release();
        return completed();
    }

    @Test
    void conditionsOnOneLock_shareIt() {
        Lock lock = new Lock();
        Condition first = new Condition(lock);
        VirtualTime.run(holdSharedLock(lock, first));
        events.assertOrder("lock=true, condition=false");
        assertSame(false, lock.isLocked());
    }
}
