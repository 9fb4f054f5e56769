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
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CancellationException;

import org.jasyncio.Coroutine;
import org.jasyncio.Task;
import org.jasyncio.annotation.Async;
import org.jasyncio.testing.Events;
import org.jasyncio.testing.VirtualTime;
import org.junit.jupiter.api.Test;

class BarrierTest {

    private final Events events = new Events();
    private final Barrier barrier = new Barrier(3);

    /** Arrives after {@code delay} seconds (at once for 0); says when it passed and with which index, or how it failed. */
    @Async
    Coroutine<Void> party(String name, int delay) {
        if (delay > 0) {
            await(sleep(Duration.ofSeconds(delay)));
        }
        try {
            int index = await(barrier.arriveAndWait());
            events.add(name + " passed " + index + " at " + getRunningLoop().time() / 1_000_000_000L);
        } catch (BrokenBarrierException e) {
            events.add(name + " broken");
        } catch (CancellationException e) {
            events.add(name + " cancelled");
            throw e;
        }
        return completed();
    }

    @Async
    Coroutine<Void> twoRounds() {
        for (int round = 0; round < 2; round++) {
            Task<Void> a = createTask(party("A", 0));
            Task<Void> b = createTask(party("B", 1));
            Task<Void> c = createTask(party("C", 2));
            await(a);
            await(b);
            await(c);
            events.add("waiting=" + barrier.waiting());
        }
        return completed();
    }

    @Test
    void parties_passTogetherWhenTheLastArrives_andTheBarrierIsReused() {
        VirtualTime.run(twoRounds());
        events.assertOrder("C passed 2 at 2", "A passed 0 at 2", "B passed 1 at 2", "waiting=0",
                "C passed 2 at 4", "A passed 0 at 4", "B passed 1 at 4", "waiting=0");
        assertEquals(3, barrier.parties());
    }

    @Async
    Coroutine<Void> abortThenReset() {
        Task<Void> a = createTask(party("A", 0));
        Task<Void> b = createTask(party("B", 0));
        await(sleep(0));
        events.add("waiting=" + barrier.waiting());
        barrier.abort();
        events.add("broken=" + barrier.isBroken() + ", waiting=" + barrier.waiting());
        await(a);
        await(b);
        await(party("late", 0));
        barrier.reset();
        events.add("broken=" + barrier.isBroken());
        Task<Void> c = createTask(party("C", 0));
        Task<Void> d = createTask(party("D", 0));
        await(party("E", 0));
        await(c);
        await(d);
        return completed();
    }

    @Test
    void abort_breaksTheWaitersAndLaterArrivals_untilReset() {
        VirtualTime.run(abortThenReset());
        events.assertOrder("waiting=2", "broken=true, waiting=0", "A broken", "B broken", "late broken",
                "broken=false", "D passed 2 at 0", "E passed 0 at 0", "C passed 1 at 0");
    }

    @Async
    Coroutine<Void> resetWhileWaiting() {
        Task<Void> a = createTask(party("A", 0));
        Task<Void> b = createTask(party("B", 0));
        await(sleep(0));
        barrier.reset();
        events.add("resetting, waiting=" + barrier.waiting() + ", broken=" + barrier.isBroken());
        Task<Void> c = createTask(party("C", 1));
        Task<Void> d = createTask(party("D", 1));
        // Arrives while A and B have yet to leave: it waits for them before it counts.
        await(party("main", 0));
        await(a);
        await(b);
        await(c);
        await(d);
        return completed();
    }

    @Test
    void reset_breaksTheWaiters_andTheBarrierFillsAgainOnceTheyLeft() {
        VirtualTime.run(resetWhileWaiting());
        events.assertOrder("resetting, waiting=0, broken=false", "A broken", "B broken",
                "D passed 2 at 1", "main passed 0 at 1", "C passed 1 at 1");
    }

    @Async
    Coroutine<Void> cancelAParty() {
        Task<Void> a = createTask(party("A", 0));
        Task<Void> b = createTask(party("B", 0));
        await(sleep(0));
        a.cancel();
        await(sleep(0));
        events.add("waiting=" + barrier.waiting() + ", broken=" + barrier.isBroken());
        Task<Void> c = createTask(party("C", 0));
        await(party("D", 0));
        await(b);
        await(c);
        assertTrue(a.isCancelled());
        return completed();
    }

    @Test
    void cancelledParty_leavesWithoutBreakingTheBarrier() {
        VirtualTime.run(cancelAParty());
        events.assertOrder("A cancelled", "waiting=1, broken=false", "C passed 2 at 0", "B passed 1 at 0", "D passed 1 at 0");
        assertFalse(barrier.isBroken());
    }

    @Test
    void parties_belowOne_areRejected() {
        assertEquals("a barrier needs at least one party: 0",
                assertThrows(IllegalArgumentException.class, () -> new Barrier(0)).getMessage());
    }
}
