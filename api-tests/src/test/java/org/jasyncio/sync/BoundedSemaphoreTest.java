package org.jasyncio.sync;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.jasyncio.Coroutine;
import org.jasyncio.annotation.Async;
import org.jasyncio.testing.VirtualTime;
import org.junit.jupiter.api.Test;

class BoundedSemaphoreTest {

    private final BoundedSemaphore semaphore = new BoundedSemaphore(2);

    @Async
    Coroutine<Integer> acquireAndReleaseTwice() {
        await(semaphore.acquire());
        await(semaphore.acquire());
        semaphore.release();
        semaphore.release();
        return completed(semaphore.available());
    }

    @Test
    void releases_upToTheInitialPermits_areAllowed() {
        assertEquals(2, VirtualTime.run(acquireAndReleaseTwice()));
    }

    @Test
    void release_pastTheInitialPermits_throws() {
        VirtualTime.run(acquireAndReleaseTwice());
        IllegalStateException e = assertThrows(IllegalStateException.class, semaphore::release);
        assertEquals("BoundedSemaphore[permits=2, waiters=0] released more often than acquired (it has 2 permits):"
                + " release once for each acquire() that returned", e.getMessage());
        assertEquals(2, semaphore.available());
    }
}
