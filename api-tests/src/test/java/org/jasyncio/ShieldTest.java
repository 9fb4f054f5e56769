package org.jasyncio;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.Asyncio.createTask;
import static org.jasyncio.Asyncio.getRunningLoop;
import static org.jasyncio.Asyncio.shield;
import static org.jasyncio.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.CancellationException;

import org.jasyncio.annotation.Async;
import org.jasyncio.testing.Events;
import org.jasyncio.testing.VirtualTime;
import org.junit.jupiter.api.Test;

class ShieldTest {

    private final Events events = new Events();
    private final IllegalStateException boom = new IllegalStateException("boom");

    private static long seconds() {
        return Duration.ofNanos(getRunningLoop().time()).toSeconds();
    }

    @Async
    Coroutine<String> save(long seconds) {
        await(sleep(Duration.ofSeconds(seconds)));
        events.add("saved at " + seconds() + " s");
        return completed("saved");
    }

    @Async
    Coroutine<String> shielded(Task<String> work) {
        try {
            return completed(await(shield(work)));
        } catch (CancellationException e) {
            events.add("caller cancelled at " + seconds() + " s");
            throw e;
        }
    }

    @Async
    Coroutine<String> cancelsTheCaller() {
        Task<String> work = createTask(save(3));
        Task<String> caller = createTask(shielded(work));
        await(sleep(Duration.ofSeconds(1)));
        caller.cancel();
        try {
            await(caller);
        } catch (CancellationException e) {
            events.add("caller is cancelled: " + caller.isCancelled());
        }
        return completed(await(work));
    }

    @Test
    void shield_callerCancelled_theWorkGoesOn() {
        assertEquals("saved", VirtualTime.run(cancelsTheCaller()));
        events.assertOrder("caller cancelled at 1 s", "caller is cancelled: true", "saved at 3 s");
    }

    @Async
    Coroutine<String> fails() {
        await(sleep(Duration.ofSeconds(1)));
        throw boom;
    }

    @Async
    Coroutine<String> shieldsAFailure() {
        return completed(await(shield(fails())));
    }

    @Test
    void shield_workFails_theSameExceptionPropagates() {
        assertSame(boom, assertThrows(IllegalStateException.class, () -> VirtualTime.run(shieldsAFailure())));
    }

    @Async
    Coroutine<String> shieldsADoneFuture() {
        Future<String> done = getRunningLoop().createFuture();
        done.setResult("ready");
        return completed(await(shield(done)) + " at " + getRunningLoop().time() + " ns");
    }

    @Test
    void shield_doneFuture_returnsWithoutWaiting() {
        assertEquals("ready at 0 ns", VirtualTime.run(shieldsADoneFuture()));
    }
}
