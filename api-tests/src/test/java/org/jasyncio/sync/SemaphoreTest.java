package org.jasyncio.sync;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.Asyncio.createTask;
import static org.jasyncio.Asyncio.getRunningLoop;
import static org.jasyncio.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

class SemaphoreTest {

    private final Events events = new Events();
    private Semaphore semaphore = new Semaphore(2);

    /** Takes a permit, holds it one second, gives it back; says when it got it and if it was cancelled. */
    @Async
    Coroutine<Void> worker(String name) {
        try {
            await(semaphore.acquire());
        } catch (CancellationException e) {
            events.add(name + " cancelled");
            throw e;
        }
        events.add(name + " got one at " + getRunningLoop().time() / 1_000_000_000L);
        await(sleep(Duration.ofSeconds(1)));
        semaphore.release();
        return completed();
    }

    @Async
    Coroutine<Void> fiveWorkers() {
        Task<?>[] workers = new Task<?>[5];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = createTask(worker("W" + i));
        }
        for (Task<?> worker : workers) {
            await(worker);
        }
        return completed();
    }

    @Test
    void permits_limitHowManyRunAtOnce_andWaitersAreServedInOrder() {
        VirtualTime.run(fiveWorkers());
        events.assertOrder("W0 got one at 0", "W1 got one at 0", "W2 got one at 1", "W3 got one at 1", "W4 got one at 2");
        assertEquals(2, semaphore.available());
        assertFalse(semaphore.isLocked());
    }

    @Async
    Coroutine<Void> takeBoth() {
        await(semaphore.acquire());
        events.add("one, available=" + semaphore.available() + ", locked=" + semaphore.isLocked());
        await(semaphore.acquire());
        events.add("two, available=" + semaphore.available() + ", locked=" + semaphore.isLocked());
        return completed();
    }

    @Test
    void acquire_withPermitsLeft_doesNotWait() {
        VirtualTime.run(takeBoth());
        events.assertOrder("one, available=1, locked=false", "two, available=0, locked=true");
    }

    /** gh-90155: A is handed the permit and cancelled before it runs; the permit must go to B. */
    @Async
    Coroutine<Void> cancelAfterWakeUp() {
        semaphore = new Semaphore(0);
        return LostWakeUp.wakeThenCancelTheFirst(worker("A"), worker("B"), semaphore::release);
    }

    @Test
    @Timeout(value = 10, threadMode = ThreadMode.SEPARATE_THREAD)  // a lost wake-up hangs the loop
    void waiterWokenThenCancelled_givesThePermitToTheNext() {
        VirtualTime.run(cancelAfterWakeUp());
        events.assertOrder("A cancelled", "B got one at 0");
        assertEquals(1, semaphore.available());
    }

    @Async
    Coroutine<Void> cancelWhileWaiting() {
        semaphore = new Semaphore(0);
        Task<Void> a = createTask(worker("A"));
        Task<Void> b = createTask(worker("B"));
        await(sleep(0));
        a.cancel();
        await(sleep(0));
        events.add("locked=" + semaphore.isLocked());
        semaphore.release();
        await(b);
        return completed();
    }

    @Test
    @Timeout(value = 10, threadMode = ThreadMode.SEPARATE_THREAD)  // a lost wake-up hangs the loop
    void cancelledWaiter_keepsNoPermit() {
        VirtualTime.run(cancelWhileWaiting());
        events.assertOrder("A cancelled", "locked=true", "B got one at 0");
        assertEquals(1, semaphore.available());
    }

    @Async
    Coroutine<Void> newcomerWhileAWaiterIsWoken() {
        semaphore = new Semaphore(0);
        Task<Void> a = createTask(worker("A"));
        await(sleep(0));
        semaphore.release();
        events.add("released, available=" + semaphore.available() + ", locked=" + semaphore.isLocked());
        Task<Void> b = createTask(worker("B"));
        await(a);
        await(b);
        return completed();
    }

    @Test
    void release_handsThePermitToTheFirstWaiter_aNewcomerWaitsBehind() {
        VirtualTime.run(newcomerWhileAWaiterIsWoken());
        events.assertOrder("released, available=0, locked=true", "A got one at 0", "B got one at 1");
    }

    @Test
    void negativePermits_areRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Semaphore(-1));
        assertEquals("a semaphore's permits cannot be negative: -1", e.getMessage());
    }
}
