package org.jasyncio.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;

import org.jasyncio.Asyncio;
import org.jasyncio.EventLoop;
import org.jasyncio.Loops;
import org.jasyncio.Task;
import org.junit.jupiter.api.Test;

/** Tasks parked in a {@link Waiters} queue by a coroutine that waits there, woken and cancelled. */
class WaitersTest {

    private final Waiters waiters = new Waiters("the primitive");
    private final EventLoop loop = Loops.virtual();

    /** A coroutine that waits once and says how it came back. */
    private final class Parker extends WaitingFrame<String> {

        private final String name;

        Parker(String name) {
            this.name = name;
        }

        @Override
        protected Object resume() {
            if (!waited()) {
                return waiters.park(this);
            }
            boolean cancelledWaiting = waiters.leave(this);
            try {
                Await.resumed(this);
            } catch (CancellationException e) {
                return name + (cancelledWaiting ? " cancelled while waiting" : " woken, then cancelled");
            }
            return name + " woken";
        }
    }

    /** Starts a task that parks, and runs the loop until it has. */
    private Task<String> parked(String name) {
        Task<String> task = loop.createTask(new Parker(name));
        runReadySteps();
        return task;
    }

    private void runReadySteps() {
        loop.runUntilComplete(Asyncio.sleep(0));
    }

    @Test
    void wakeFirst_wakesTheHeadOnlyIfItIsWaiting() {
        Task<String> first = parked("first");
        Task<String> second = parked("second");
        first.cancel();

        waiters.wakeFirst();
        runReadySteps();

        assertEquals("first cancelled while waiting", first.result());
        assertFalse(second.isDone(), "the cancelled head leaves; it does not wake the next by itself");
        waiters.wakeFirst();
        assertEquals("second woken", loop.runUntilComplete(second));
        assertTrue(waiters.isEmpty());
    }

    @Test
    void wake_skipsWaitersWokenOrCancelled_inOrder() {
        Task<String> a = parked("a");
        Task<String> b = parked("b");
        Task<String> c = parked("c");
        Task<String> d = parked("d");
        b.cancel();

        assertEquals(2, waiters.wake(2));
        assertTrue(waiters.wakeNext());
        assertFalse(waiters.wakeNext());
        assertEquals(4, waiters.size(), "woken and cancelled waiters leave when they run");
        runReadySteps();

        assertEquals("a woken", a.result());
        assertEquals("b cancelled while waiting", b.result());
        assertEquals("c woken", c.result());
        assertEquals("d woken", d.result());
        assertTrue(waiters.isEmpty());
    }

    @Test
    void wokenThenCancelledBeforeItRuns_learnsItWasWoken() {
        Task<String> task = parked("task");

        waiters.wakeNext();
        task.cancel();
        runReadySteps();

        assertEquals("task woken, then cancelled", task.result());
        assertFalse(waiters.wakeNext());
    }

    @Test
    void allCancelled_isTrueWhenEmptyOrOnlyCancelledWaitersRemain() {
        assertTrue(waiters.allCancelled());
        Task<String> task = parked("task");
        assertFalse(waiters.allCancelled());

        task.cancel();

        assertTrue(waiters.allCancelled());
        runReadySteps();
        assertTrue(waiters.isEmpty());
    }

    @Test
    void park_fromASecondLoop_throws() {
        parked("on the first loop");
        EventLoop other = Loops.virtual();
        try {
            IllegalStateException thrown = assertThrows(IllegalStateException.class,
                    () -> other.runUntilComplete(new Parker("on another loop")));
            assertEquals("the primitive is bound to the event loop of the first task that waited on it, and was now"
                    + " awaited by a task of another loop; a lock, event or queue serves the tasks of one loop:"
                    + " make one per loop", thrown.getMessage());
        } finally {
            other.close();
        }
    }
}
