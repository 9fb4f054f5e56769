package org.jasyncio.sync;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.Asyncio.createTask;
import static org.jasyncio.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;

import org.jasyncio.Coroutine;
import org.jasyncio.Task;
import org.jasyncio.annotation.Async;
import org.jasyncio.testing.Events;
import org.jasyncio.testing.VirtualTime;
import org.junit.jupiter.api.Test;

class EventTest {

    private final Events events = new Events();
    private final Event event = new Event();

    @Async
    Coroutine<Void> waiter(String name) {
        try {
            await(event.waitUntilSet());
        } catch (CancellationException e) {
            events.add(name + " cancelled");
            throw e;
        }
        events.add(name + " saw it set");
        return completed();
    }

    @Async
    Coroutine<Void> setWakesAll() {
        Task<Void> a = createTask(waiter("A"));
        Task<Void> b = createTask(waiter("B"));
        Task<Void> c = createTask(waiter("C"));
        await(sleep(0));
        events.add("set");
        event.set();
        event.clear();
        await(a);
        await(b);
        await(c);
        return completed();
    }

    @Test
    void set_wakesEveryWaiterInOrder_evenIfClearedBeforeTheyRun() {
        VirtualTime.run(setWakesAll());
        events.assertOrder("set", "A saw it set", "B saw it set", "C saw it set");
        assertFalse(event.isSet());
    }

    @Async
    Coroutine<Void> waitWhenSet() {
        event.set();
        createTask(waiter("other"));
        await(waiter("main"));
        await(sleep(0));
        return completed();
    }

    @Test
    void waitUntilSet_onASetEvent_doesNotSuspend() {
        VirtualTime.run(waitWhenSet());
        events.assertOrder("main saw it set", "other saw it set");
        assertTrue(event.isSet());
    }

    @Async
    Coroutine<Void> cancelOneWaiter() {
        Task<Void> a = createTask(waiter("A"));
        Task<Void> b = createTask(waiter("B"));
        await(sleep(0));
        a.cancel();
        await(sleep(0));
        event.set();
        await(b);
        return completed();
    }

    @Test
    void cancelledWaiter_throwsAndTheOthersStillWake() {
        VirtualTime.run(cancelOneWaiter());
        events.assertOrder("A cancelled", "B saw it set");
    }

    @Async
    Coroutine<Void> waitBriefly() {
        Task<Void> a = createTask(waiter("A"));
        await(sleep(0));
        event.set();
        await(a);
        event.clear();
        return completed();
    }

    @Test
    void waitingFromASecondLoop_throws() {
        VirtualTime.run(waitBriefly());
        assertThrows(IllegalStateException.class, () -> VirtualTime.run(waiter("on another loop")));
    }
}
