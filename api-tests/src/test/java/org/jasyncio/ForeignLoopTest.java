package org.jasyncio;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jasyncio.annotation.Async;
import org.jasyncio.testing.VirtualTime;
import org.junit.jupiter.api.Test;

/** A task awaits only futures of its own loop. */
class ForeignLoopTest {

    @Async
    Coroutine<String> awaitForeign(Future<String> foreign) {
        try {
            return completed(await(foreign));
        } catch (IllegalStateException e) {
            return completed(e.getMessage());
        }
    }

    @Test
    void await_pendingFutureOfAnotherLoop_throwsNamingBothLoops() {
        EventLoop other = VirtualTime.loop();
        Future<String> foreign = other.createFuture();
        EventLoop loop = VirtualTime.loop();

        String message = loop.runUntilComplete(awaitForeign(foreign));
        loop.close();
        other.close();

        assertTrue(message.contains(" on " + name(loop) + "[running] awaits Future[pending] of another loop, "
                + name(other) + "[idle]: a task awaits only futures and tasks of its own loop"), message);
    }

    private static String name(EventLoop loop) {
        return "EventLoop@" + Integer.toHexString(System.identityHashCode(loop));
    }

    @Test
    void await_doneFutureOfAnotherLoop_givesItsResult() {
        EventLoop other = VirtualTime.loop();
        Future<String> foreign = other.createFuture();
        foreign.setResult("done");

        assertEquals("done", VirtualTime.run(awaitForeign(foreign)));
        other.close();
    }
}
