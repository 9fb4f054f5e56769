package org.jasyncio.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

import org.jasyncio.Coroutine;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;
import org.jasyncio.Task;
import org.jasyncio.annotation.Async;
import org.jasyncio.queues.Queue;
import org.jasyncio.sync.Lock;
import org.openjdk.jmh.infra.Blackhole;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.Asyncio.createTask;
import static org.jasyncio.Asyncio.gather;
import static org.jasyncio.Asyncio.getRunningLoop;
import static org.jasyncio.Asyncio.sleep;
import static org.jasyncio.Asyncio.taskGroup;
import static org.jasyncio.Asyncio.timeout;

/**
 * The workloads written with jasyncio, as a user would write them: {@code @Async} methods and
 * {@code await}, run on one {@link EventLoop}. Each returns what its benchmark checks.
 */
final class JasyncioWorkloads {

    private JasyncioWorkloads() {
    }

    // await-inline: a coroutine awaiting a coroutine that completes without suspending.

    @Async
    static Coroutine<Object> passThrough(Object value) {
        return completed(value);
    }

    @Async
    static Coroutine<Integer> awaitInline(int awaits, Object token, Blackhole blackhole) {
        for (int i = 0; i < awaits; i++) {
            blackhole.consume(await(passThrough(token)));
        }
        return completed(awaits);
    }

    // yield: tasks alternating on one loop through sleep(0).

    @Async
    static Coroutine<Integer> yielder(int switches) {
        for (int i = 0; i < switches; i++) {
            await(sleep(0));
        }
        return completed(switches);
    }

    @Async
    static Coroutine<Integer> alternate(int switchesEach) {
        List<Integer> both = await(gather(yielder(switchesEach), yielder(switchesEach)));
        return completed(both.get(0) + both.get(1));
    }

    // handoff: a producer and a consumer passing values through a one-slot future.

    /** The one slot: the future the consumer waits on, and the one the producer waits on when the slot is taken. */
    static final class Slot {
        Future<Object> taker;
        Future<Void> putter;
    }

    @Async
    static Coroutine<Long> consume(Slot slot, int values) {
        EventLoop loop = getRunningLoop();
        long sum = 0;
        for (int i = 0; i < values; i++) {
            Future<Object> taker = loop.createFuture();
            slot.taker = taker;
            Future<Void> putter = slot.putter;
            if (putter != null) {
                slot.putter = null;
                putter.setResult(null);
            }
            sum += (Integer) await(taker);
        }
        return completed(sum);
    }

    @Async
    static Coroutine<Void> produce(Slot slot, Integer[] values, int count) {
        EventLoop loop = getRunningLoop();
        for (int i = 0; i < count; i++) {
            while (slot.taker == null) {
                Future<Void> putter = loop.createFuture();
                slot.putter = putter;
                await(putter);
            }
            Future<Object> taker = slot.taker;
            slot.taker = null;
            taker.setResult(values[i & (values.length - 1)]);
        }
        return completed();
    }

    @Async
    static Coroutine<Long> handoff(Integer[] values, int count) {
        Slot slot = new Slot();
        Task<Long> consumer = createTask(consume(slot, count));
        await(produce(slot, values, count));
        return completed(await(consumer));
    }

    // queue-handoff: a producer and a consumer passing values through a Queue(1).

    @Async
    static Coroutine<Long> queueConsume(Queue<Integer> queue, int count) {
        long sum = 0;
        for (int i = 0; i < count; i++) {
            sum += await(queue.get());
        }
        return completed(sum);
    }

    @Async
    static Coroutine<Void> queueProduce(Queue<Integer> queue, Integer[] values, int count) {
        for (int i = 0; i < count; i++) {
            await(queue.put(values[i & (values.length - 1)]));
        }
        return completed();
    }

    @Async
    static Coroutine<Long> queueHandoff(Integer[] values, int count) {
        Queue<Integer> queue = new Queue<>(1);
        Task<Long> consumer = createTask(queueConsume(queue, count));
        await(queueProduce(queue, values, count));
        return completed(await(consumer));
    }

    // lock-uncontended: acquire and release of a lock nobody else wants.

    @Async
    static Coroutine<Integer> lockUncontended(Lock lock, int pairs) {
        int held = 0;
        for (int i = 0; i < pairs; i++) {
            await(lock.acquire());
            held++;
            lock.release();
        }
        return completed(held);
    }

    // spawn-sleep: many tasks sleeping at once, gathered.

    @Async
    static Coroutine<Void> sleeper(Duration delay) {
        await(sleep(delay));
        return completed();
    }

    /** Runs {@code whileSuspended} once every sleeper has started sleeping, if it is not {@code null}. */
    @Async
    static Coroutine<Integer> spawnSleep(int tasks, Duration delay, Runnable whileSuspended) {
        List<Coroutine<Void>> sleepers = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            sleepers.add(sleeper(delay));
        }
        Task<List<Void>> all = createTask(gather(sleepers));
        sleepers = null;
        if (whileSuspended != null) {
            await(sleep(0));  // the gather starts and makes its children tasks
            await(sleep(0));  // every child runs to its sleep
            whileSuspended.run();
        }
        return completed(await(all).size());
    }

    // gather-1k: a gather of tasks that each yield once.

    @Async
    static Coroutine<Void> yieldOnce() {
        await(sleep(0));
        return completed();
    }

    @Async
    static Coroutine<Integer> gatherYielders(int tasks) {
        List<Coroutine<Void>> yielders = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            yielders.add(yieldOnce());
        }
        return completed(await(gather(yielders)).size());
    }

    // taskgroup-1k: a task group of tasks that each yield once.

    @Async
    static Coroutine<Integer> taskGroupYielders(int tasks) {
        return completed(await(taskGroup(group -> {
            for (int i = 0; i < tasks; i++) {
                group.createTask(yieldOnce());
            }
            return completed(tasks);
        })));
    }

    // timeout: a timeout around a coroutine that finishes first.

    @Async
    static Coroutine<Integer> timeouts(int count, Object token, Blackhole blackhole) throws TimeoutException {
        for (int i = 0; i < count; i++) {
            blackhole.consume(await(timeout(Duration.ofSeconds(1), scope -> passThrough(token))));
        }
        return completed(count);
    }

    // throw-through-awaits: an exception thrown after a suspension, through a chain of awaiting frames.

    /** Awaits a chain {@code depth} deep (not a tail call: the result is used) whose end yields, then throws. */
    @Async
    static Coroutine<Integer> failAfterSuspending(int depth) {
        if (depth == 0) {
            await(sleep(0));
            throw new IllegalStateException("thrown through awaits");
        }
        return completed(1 + await(failAfterSuspending(depth - 1)));
    }

    @Async
    static Coroutine<Integer> throwThroughAwaits(int throwsCount, int depth) {
        int caught = 0;
        for (int i = 0; i < throwsCount; i++) {
            try {
                await(failAfterSuspending(depth));
            } catch (IllegalStateException expected) {
                caught++;
            }
        }
        return completed(caught);
    }

    // timers: many pending timers with random deadlines.

    /** Schedules one timer per delay (in nanoseconds) and returns how many fired, once all have. */
    static int timers(EventLoop loop, long[] delays) {
        int[] fired = new int[1];
        Future<Void> allFired = loop.createFuture();
        Runnable fire = () -> {
            if (++fired[0] == delays.length) {
                allFired.setResult(null);
            }
        };
        loop.callSoon(() -> {
            for (long delay : delays) {
                loop.callLater(Duration.ofNanos(delay), fire);
            }
        });
        loop.runUntilComplete(allFired);
        return fired[0];
    }
}
