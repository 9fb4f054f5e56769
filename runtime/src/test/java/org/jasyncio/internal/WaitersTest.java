package org.jasyncio.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jasyncio.EventLoop;
import org.jasyncio.Future;
import org.jasyncio.Loops;
import org.junit.jupiter.api.Test;

class WaitersTest {

    private final Waiters waiters = new Waiters("the primitive");

    /**
     * Runs {@code body} as a callback of a new virtual-time loop, then closes the loop and rethrows
     * what {@code body} threw (the loop itself only logs it).
     */
    private static void onALoop(Runnable body) {
        EventLoop loop = Loops.virtual();
        Throwable[] thrown = new Throwable[1];
        try {
            loop.callSoon(() -> {
                try {
                    body.run();
                } catch (Throwable t) {
                    thrown[0] = t;
                } finally {
                    loop.stop();
                }
            });
            loop.runForever();
        } finally {
            loop.close();
        }
        if (thrown[0] != null) {
            throw Throwing.sneaky(thrown[0]);
        }
    }

    @Test
    void wakeFirst_wakesTheHeadOnlyIfItIsPending() {
        onALoop(() -> {
            Future<Void> first = waiters.add();
            Future<Void> second = waiters.add();
            first.cancel();
            waiters.wakeFirst();
            assertFalse(second.isDone(), "the cancelled head wakes the next itself when it runs");
            waiters.remove(first);
            waiters.wakeFirst();
            assertTrue(second.isDone());
            assertFalse(second.isCancelled());
        });
    }

    @Test
    void wake_skipsWaitersAlreadyDone_inOrder() {
        onALoop(() -> {
            Future<Void> a = waiters.add();
            Future<Void> b = waiters.add();
            Future<Void> c = waiters.add();
            Future<Void> d = waiters.add();
            b.cancel();
            assertEquals(2, waiters.wake(2));
            assertTrue(a.isDone() && c.isDone());
            assertFalse(d.isDone());
            assertTrue(waiters.wakeNext());
            assertFalse(waiters.wakeNext());
            assertEquals(4, waiters.size());
        });
    }

    @Test
    void allCancelled_isTrueWhenEmptyOrOnlyCancelledWaitersRemain() {
        assertTrue(waiters.allCancelled());
        onALoop(() -> {
            Future<Void> a = waiters.add();
            assertFalse(waiters.allCancelled());
            a.cancel();
            assertTrue(waiters.allCancelled());
            waiters.remove(a);
            assertTrue(waiters.isEmpty());
        });
    }

    @Test
    void add_fromASecondLoop_throws() {
        onALoop(waiters::add);
        IllegalStateException[] thrown = new IllegalStateException[1];
        onALoop(() -> thrown[0] = assertThrows(IllegalStateException.class, waiters::add));
        assertEquals("the primitive is bound to the event loop of the first task that waited on it, and was now"
                + " awaited by a task of another loop; a lock, event or queue serves the tasks of one loop:"
                + " make one per loop", thrown[0].getMessage());
    }
}
