package org.jasyncio;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.Asyncio.getRunningLoop;
import static org.jasyncio.Asyncio.sleep;
import static org.jasyncio.Asyncio.taskGroup;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;

import org.jasyncio.annotation.Async;
import org.jasyncio.testing.Events;
import org.jasyncio.testing.VirtualTime;
import org.junit.jupiter.api.Test;

class TaskGroupTest {

    private final Events events = new Events();
    private final IllegalStateException boom = new IllegalStateException("boom");

    @Async
    Coroutine<String> worker(String name, long seconds) {
        try {
            await(sleep(Duration.ofSeconds(seconds)));
            events.add(name + " done");
            return completed(name);
        } catch (CancellationException e) {
            events.add(name + " cancelled");
            throw e;
        }
    }

    @Async
    Coroutine<String> failing(String name, long seconds, RuntimeException failure) {
        await(sleep(Duration.ofSeconds(seconds)));
        events.add(name + " fails");
        throw failure;
    }

    private static long seconds() {
        return Duration.ofNanos(getRunningLoop().time()).toSeconds();
    }

    @Async
    Coroutine<String> threeWorkers(TaskGroup group) {
        group.createTask(worker("a", 3));
        group.createTask(worker("b", 1));
        Task<String> c = group.createTask(worker("c", 2), "third");
        events.add("body made " + c.getName());
        return completed("body");
    }

    @Async
    Coroutine<String> runsThreeWorkers() {
        String result = await(taskGroup(this::threeWorkers));
        events.add("group done at " + seconds() + " s");
        return completed(result);
    }

    @Test
    void taskGroup_waitsForEveryTask_andReturnsTheBodysResult() {
        assertEquals("body", VirtualTime.run(runsThreeWorkers()));
        events.assertOrder("body made third", "b done", "c done", "a done", "group done at 3 s");
    }

    @Async
    Coroutine<String> oneFailsWhileTheBodyWaits(TaskGroup group) {
        group.createTask(worker("slow", 5));
        group.createTask(failing("bad", 1, boom));
        try {
            await(sleep(Duration.ofSeconds(10)));
            return completed("never");
        } catch (CancellationException e) {
            events.add("body cancelled at " + seconds() + " s");
            throw e;
        }
    }

    @Async
    Coroutine<String> runsOneFailing() {
        try {
            return completed(await(taskGroup(this::oneFailsWhileTheBodyWaits)));
        } catch (TaskGroupException e) {
            events.add("group failed at " + seconds() + " s");
            throw e;
        }
    }

    @Test
    void taskGroup_taskFails_cancelsTheBodyAndTheOthers_thenThrowsItsFailure() {
        TaskGroupException thrown = assertThrows(TaskGroupException.class, () -> VirtualTime.run(runsOneFailing()));

        assertEquals(List.of(boom), thrown.exceptions());
        assertSame(boom, thrown.getCause());
        events.assertOrder("bad fails", "slow cancelled", "body cancelled at 1 s", "group failed at 1 s");
    }

    @Async
    Coroutine<Void> failsWhenCancelled(String name) {
        try {
            await(sleep(Duration.ofSeconds(5)));
            return completed();
        } catch (CancellationException e) {
            events.add(name + " cleans up and fails");
            throw new UncheckedIOException(new IOException(name + " cleanup"));
        }
    }

    @Async
    Coroutine<String> failuresInOrder(TaskGroup group) {
        group.createTask(failing("first", 1, boom));
        group.createTask(failsWhenCancelled("second"));
        try {
            await(sleep(Duration.ofSeconds(10)));
        } catch (CancellationException e) {
            throw new IllegalStateException("body fails after the cancellation");
        }
        return completed("never");
    }

    @Test
    void taskGroup_listsTheTasksFailuresInOrder_thenTheBodys() {
        TaskGroupException thrown = assertThrows(TaskGroupException.class,
                () -> VirtualTime.run(taskGroup(this::failuresInOrder)));

        List<Throwable> failures = thrown.exceptions();
        assertEquals(3, failures.size(), failures.toString());
        assertSame(boom, failures.get(0));
        assertEquals("second cleanup", failures.get(1).getCause().getMessage());
        assertInstanceOf(IllegalStateException.class, failures.get(2));
        assertEquals(List.of(failures.get(1), failures.get(2)), List.of(thrown.getSuppressed()));
    }

    private final IllegalStateException bodyFailure = new IllegalStateException("body fails");

    @Async
    Coroutine<String> bodyFails(TaskGroup group) {
        group.createTask(worker("child", 5));
        await(sleep(Duration.ofSeconds(1)));
        throw bodyFailure;
    }

    @Test
    void taskGroup_bodyFails_cancelsTheTasks_andThrowsTheBodysFailure() {
        TaskGroupException thrown = assertThrows(TaskGroupException.class,
                () -> VirtualTime.run(taskGroup(this::bodyFails)));

        assertEquals(List.of(bodyFailure), thrown.exceptions());
        events.assertOrder("child cancelled");
    }

    @Async
    Coroutine<String> cancelledFromOutside() {
        Task<String> scope = Asyncio.createTask(taskGroup(this::twoWorkersAndWait));
        await(sleep(Duration.ofSeconds(1)));
        scope.cancel();
        try {
            await(scope);
            return completed("not cancelled");
        } catch (CancellationException e) {
            return completed("cancelled: " + scope.isCancelled() + " at " + seconds() + " s");
        }
    }

    @Async
    Coroutine<String> twoWorkersAndWait(TaskGroup group) {
        group.createTask(worker("x", 5));
        group.createTask(worker("y", 5));
        await(sleep(Duration.ofSeconds(10)));
        return completed("never");
    }

    @Test
    void taskGroup_cancelledFromOutside_cancelsTheTasks_andStaysACancellation() {
        assertEquals("cancelled: true at 1 s", VirtualTime.run(cancelledFromOutside()));
        events.assertOrder("x cancelled", "y cancelled");
    }

    @Async
    Coroutine<String> keepsTheGroup(TaskGroup group) {
        kept = group;
        return completed("done");
    }

    private TaskGroup kept;

    @Test
    void createTask_onAFinishedGroup_throws() {
        VirtualTime.run(taskGroup(this::keepsTheGroup));

        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> kept.createTask(worker("late", 1)));
        assertTrue(thrown.getMessage().contains("finished"), thrown.getMessage());
    }

    @Async
    Coroutine<String> createsWhileAborting(TaskGroup group) {
        group.createTask(failing("bad", 1, boom));
        try {
            await(sleep(Duration.ofSeconds(5)));
        } catch (CancellationException e) {
            try {
                group.createTask(worker("late", 1));
                events.add("late task made");
            } catch (IllegalStateException refused) {
                events.add("refused: " + refused.getMessage().contains("shutting down"));
            }
            throw e;
        }
        return completed("never");
    }

    @Test
    void createTask_whileTheGroupAborts_throws() {
        assertThrows(TaskGroupException.class, () -> VirtualTime.run(taskGroup(this::createsWhileAborting)));
        events.assertOrder("bad fails", "refused: true");
    }

    @Async
    Coroutine<String> swallowsItsCancellation(TaskGroup group) {
        group.createTask(failing("bad", 1, boom));
        try {
            await(sleep(Duration.ofSeconds(5)));
        } catch (CancellationException e) {
            events.add("body carries on");
        }
        await(sleep(Duration.ofSeconds(1)));
        events.add("body ends at " + seconds() + " s");
        return completed("body");
    }

    @Test
    void taskGroup_bodyCatchesTheCancellationAndCarriesOn_stillReportsTheFailure() {
        TaskGroupException thrown = assertThrows(TaskGroupException.class,
                () -> VirtualTime.run(taskGroup(this::swallowsItsCancellation)));

        assertEquals(List.of(boom), thrown.exceptions());
        events.assertOrder("bad fails", "body carries on", "body ends at 2 s");
    }

    @Async
    Coroutine<String> innerTimeoutExpires(TaskGroup group) {
        group.createTask(worker("sibling", 3));
        try {
            await(Asyncio.timeout(Duration.ofSeconds(1), t -> worker("inner", 2)));
        } catch (TimeoutException e) {
            events.add("inner timed out at " + seconds() + " s");
        }
        return completed("body");
    }

    @Async
    Coroutine<String> timeoutInGroupInTimeout() throws TimeoutException {
        return completed(await(Asyncio.timeout(Duration.ofSeconds(10), t -> taskGroup(this::innerTimeoutExpires))));
    }

    @Test
    void nested_timeoutInsideGroupInsideTimeout_eachTellsItsOwnExpiry() throws Exception {
        assertEquals("body", VirtualTime.run(timeoutInGroupInTimeout()));
        events.assertOrder("inner cancelled", "inner timed out at 1 s", "sibling done");
    }

    @Async
    Coroutine<String> outerExpires() {
        try {
            return completed(await(Asyncio.timeout(Duration.ofSeconds(2), t -> taskGroup(this::threeWorkers))));
        } catch (TimeoutException e) {
            return completed("outer timed out at " + seconds() + " s");
        }
    }

    @Test
    void nested_outerTimeoutExpiresWhileTheGroupWaits_isATimeoutOutside_andCancelsTheTasks() {
        assertEquals("outer timed out at 2 s", VirtualTime.run(outerExpires()));
        // c's timer falls due with the deadline's, after it: c finishes before the group hears.
        events.assertOrder("body made third", "b done", "c done", "a cancelled");
    }
}
