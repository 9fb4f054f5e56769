package org.jasyncio.queues;

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

class QueueTest {

    private final Events events = new Events();
    private Queue<String> queue = new Queue<>(1);

    private static long seconds() {
        return getRunningLoop().time() / 1_000_000_000L;
    }

    @Async
    Coroutine<Void> producer(int count) {
        for (int i = 0; i < count; i++) {
            events.add("put " + i);
            await(queue.put("v" + i));
        }
        events.add("producer done");
        return completed();
    }

    @Async
    Coroutine<Void> consumer(String name, int count) {
        for (int i = 0; i < count; i++) {
            String item;
            try {
                item = await(queue.get());
            } catch (CancellationException e) {
                events.add(name + " cancelled");
                throw e;
            } catch (QueueShutDownException e) {
                events.add(name + " sees the shutdown at " + seconds());
                return completed();
            }
            events.add(name + " got " + item + " at " + seconds());
            queue.taskDone();
        }
        return completed();
    }

    @Async
    Coroutine<Void> produceAndConsume() {
        Task<Void> consumer = createTask(consumer("C", 3));
        await(producer(3));
        await(consumer);
        return completed();
    }

    @Test
    void capacityOne_alternatesProducerAndConsumer() {
        VirtualTime.run(produceAndConsume());
        // put 0 fits; put 1 waits until C has taken v0; C then waits for v1, and so on.
        events.assertOrder("put 0", "put 1", "C got v0 at 0", "put 2", "C got v1 at 0", "producer done", "C got v2 at 0");
        assertTrue(queue.isEmpty());
    }

    @Async
    Coroutine<Void> fastPaths() {
        queue = new Queue<>(2);
        createTask(consumer("other", 0));
        await(queue.put("a"));
        await(queue.put("b"));
        events.add("full=" + queue.isFull() + ", size=" + queue.size());
        events.add("got " + await(queue.get()) + " and " + await(queue.get()));
        await(sleep(0));
        return completed();
    }

    @Test
    void putIntoRoomAndGetOfAnElement_doNotSuspend() {
        VirtualTime.run(fastPaths());
        events.assertOrder("full=true, size=2", "got a and b");
    }

    @Async
    Coroutine<Void> gettersInLine() {
        queue = new Queue<>();
        Task<Void> a = createTask(consumer("A", 1));
        Task<Void> b = createTask(consumer("B", 1));
        Task<Void> c = createTask(consumer("C", 1));
        await(sleep(Duration.ofSeconds(1)));
        queue.putNowait("x");
        queue.putNowait("y");
        queue.putNowait("z");
        await(a);
        await(b);
        await(c);
        return completed();
    }

    @Test
    void waitingGetters_areServedFirstInFirstOut() {
        VirtualTime.run(gettersInLine());
        events.assertOrder("A got x at 1", "B got y at 1", "C got z at 1");
        assertEquals(0, queue.maxSize());
    }

    /** python/asyncio#270: A is woken for an element and cancelled before it runs; B must get it. */
    @Async
    Coroutine<Void> cancelAGetterAfterItWasWoken() {
        return LostWakeUp.wakeThenCancelTheFirst(consumer("A", 1), consumer("B", 1), () -> queue.putNowait("x"));
    }

    @Test
    @Timeout(value = 10, threadMode = ThreadMode.SEPARATE_THREAD)  // a lost wake-up hangs the loop
    void getterWokenThenCancelled_passesTheElementToTheNextGetter() {
        VirtualTime.run(cancelAGetterAfterItWasWoken());
        events.assertOrder("A cancelled", "B got x at 0");
    }

    @Async
    Coroutine<Void> putter(String item) {
        try {
            await(queue.put(item));
            events.add("put " + item + " at " + seconds());
        } catch (CancellationException e) {
            events.add(item + " cancelled");
            throw e;
        } catch (QueueShutDownException e) {
            events.add(item + " sees the shutdown");
        }
        return completed();
    }

    @Async
    Coroutine<Void> cancelAPutterAfterItWasWoken() {
        queue.putNowait("first");
        Task<Void> a = createTask(putter("A"));
        Task<Void> b = createTask(putter("B"));
        await(sleep(0));
        events.add("took " + queue.getNowait());
        a.cancel();
        await(b);
        events.add("then " + queue.getNowait());
        return completed();
    }

    @Test
    @Timeout(value = 10, threadMode = ThreadMode.SEPARATE_THREAD)  // a lost wake-up hangs the loop
    void putterWokenThenCancelled_passesTheRoomToTheNextPutter() {
        VirtualTime.run(cancelAPutterAfterItWasWoken());
        events.assertOrder("took first", "A cancelled", "put B at 0", "then B");
    }

    @Async
    Coroutine<Void> joinAfterTaskDone() {
        queue = new Queue<>();
        queue.putNowait("a");
        queue.putNowait("b");
        Task<Void> worker = createTask(slowWorker());
        await(queue.join());
        events.add("joined at " + seconds());
        await(worker);
        return completed();
    }

    @Async
    Coroutine<Void> slowWorker() {
        for (int i = 0; i < 2; i++) {
            String item = await(queue.get());
            await(sleep(Duration.ofSeconds(1)));
            events.add("done with " + item);
            queue.taskDone();
        }
        return completed();
    }

    @Test
    void join_returnsOnceEveryElementIsDone() {
        VirtualTime.run(joinAfterTaskDone());
        events.assertOrder("done with a", "done with b", "joined at 2");
    }

    @Test
    void join_ofAQueueWithNothingUnfinished_returnsAtOnce() {
        VirtualTime.run(queue.join());
    }

    @Test
    void taskDone_moreOftenThanPut_throws() {
        queue.putNowait("a");
        queue.taskDone();
        IllegalStateException e = assertThrows(IllegalStateException.class, queue::taskDone);
        assertEquals("taskDone() called more often than elements were put in Queue[size=1, maxSize=1]:"
                + " call it once per element taken, when its work is done", e.getMessage());
    }

    @Async
    Coroutine<Void> shutdownGently() {
        queue = new Queue<>(2);
        queue.putNowait("a");
        queue.putNowait("b");
        Task<Void> blockedPutter = createTask(putter("c"));
        await(sleep(0));
        queue.shutdown();
        await(blockedPutter);
        await(consumer("C", 3));
        assertThrows(QueueShutDownException.class, () -> queue.putNowait("d"));
        assertThrows(QueueShutDownException.class, queue::getNowait);
        await(queue.join());
        return completed();
    }

    @Test
    void shutdown_failsPuts_andGetsOnceTheQueueIsEmpty() {
        VirtualTime.run(shutdownGently());
        events.assertOrder("c sees the shutdown", "C got a at 0", "C got b at 0", "C sees the shutdown at 0");
    }

    @Async
    Coroutine<Void> shutdownWakesGetters() {
        Task<Void> a = createTask(consumer("A", 1));
        Task<Void> b = createTask(consumer("B", 1));
        await(sleep(Duration.ofSeconds(1)));
        queue.shutdown();
        await(a);
        await(b);
        return completed();
    }

    @Test
    void shutdown_wakesWaitingGetters_withTheException() {
        VirtualTime.run(shutdownWakesGetters());
        events.assertOrder("A sees the shutdown at 1", "B sees the shutdown at 1");
    }

    @Async
    Coroutine<Void> shutdownImmediately() {
        queue = new Queue<>(2);
        queue.putNowait("a");
        queue.putNowait("b");
        Task<Void> joiner = createTask(joiner());
        Task<Void> blockedPutter = createTask(putter("c"));
        await(sleep(0));
        queue.shutdown(true);
        events.add("size=" + queue.size());
        await(blockedPutter);
        await(joiner);
        await(consumer("C", 1));
        return completed();
    }

    @Async
    Coroutine<Void> joiner() {
        await(queue.join());
        events.add("joined");
        return completed();
    }

    @Test
    void shutdownImmediate_dropsWhatIsLeft_releasesJoin_andFailsGetsAtOnce() {
        VirtualTime.run(shutdownImmediately());
        events.assertOrder("size=0", "joined", "c sees the shutdown", "C sees the shutdown at 0");
    }

    @Test
    void nowaitOperations_onAFullOrEmptyQueue_throw() {
        assertEquals("getNowait on Queue[size=0, maxSize=1], which is empty: await get() to wait for an element",
                assertThrows(QueueEmptyException.class, queue::getNowait).getMessage());
        queue.putNowait("a");
        assertTrue(queue.isFull());
        assertEquals("putNowait on Queue[size=1, maxSize=1], which is full: await put() to wait for room",
                assertThrows(QueueFullException.class, () -> queue.putNowait("b")).getMessage());
        assertEquals("a", queue.getNowait());
        assertFalse(queue.isFull());
    }

    @Test
    void nullElements_andNegativeSizes_areRejected() {
        assertThrows(NullPointerException.class, () -> queue.putNowait(null));
        assertThrows(NullPointerException.class, () -> queue.put(null));
        assertThrows(IllegalArgumentException.class, () -> new Queue<String>(-1));
    }

    @Test
    void waitingFromASecondLoop_throws() {
        VirtualTime.run(gettersInLine());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> VirtualTime.run(queue.get()));
        assertTrue(e.getMessage().startsWith("Queue[size=0, maxSize=0] is bound to the event loop"), e.getMessage());
    }
}
