package org.jasyncio.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

import org.openjdk.jmh.infra.Blackhole;

/**
 * The workloads written for virtual threads, as a user would write them: plain blocking code, one
 * virtual thread per task. The benchmarks run them with {@code -Djdk.virtualThreadScheduler.parallelism=1},
 * so that, like the event loops, they share one carrier thread.
 *
 * <p>Virtual threads came in JDK 21 and the project's floor is 17, so they are reached through
 * {@code Executors.newVirtualThreadPerTaskExecutor}, looked up when first used.
 */
public final class VirtualThreadWorkloads {

    /** The first JDK with virtual threads. */
    public static final int FIRST_JDK = 21;

    private VirtualThreadWorkloads() {
    }

    /** Whether this JVM has virtual threads. */
    public static boolean available() {
        return Runtime.version().feature() >= FIRST_JDK;
    }

    /** A new executor that starts a virtual thread per task. */
    public static ExecutorService newExecutor() {
        try {
            return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("virtual threads need JDK " + FIRST_JDK + " or newer; this is JDK "
                    + Runtime.version(), e);
        }
    }

    static Object passThrough(Object value) {
        return value;
    }

    static int awaitInline(ExecutorService threads, int awaits, Object token, Blackhole blackhole) {
        return join(threads.submit(() -> {
            for (int i = 0; i < awaits; i++) {
                blackhole.consume(passThrough(token));
            }
            return awaits;
        }));
    }

    /** await-chain: {@link PlainChain}, plain calls on a virtual thread. */
    static int plainChain(ExecutorService threads, int calls) {
        return join(threads.submit(() -> PlainChain.caller(calls)));
    }

    static int alternate(ExecutorService threads, int switchesEach) {
        Future<Integer> first = threads.submit(() -> yielder(switchesEach));
        Future<Integer> second = threads.submit(() -> yielder(switchesEach));
        return join(first) + join(second);
    }

    private static int yielder(int switches) {
        for (int i = 0; i < switches; i++) {
            Thread.yield();
        }
        return switches;
    }

    static long handoff(ExecutorService threads, Integer[] values, int count) {
        BlockingQueue<Integer> slot = new ArrayBlockingQueue<>(1);
        Future<Long> consumer = threads.submit(() -> {
            long sum = 0;
            for (int i = 0; i < count; i++) {
                sum += slot.take();
            }
            return sum;
        });
        Future<?> producer = threads.submit(() -> {
            for (int i = 0; i < count; i++) {
                slot.put(values[i & (values.length - 1)]);
            }
            return null;
        });
        join(producer);
        return join(consumer);
    }

    static int lockUncontended(ExecutorService threads, ReentrantLock lock, int pairs) {
        return join(threads.submit(() -> {
            int held = 0;
            for (int i = 0; i < pairs; i++) {
                lock.lock();
                try {
                    held++;
                } finally {
                    lock.unlock();
                }
            }
            return held;
        }));
    }

    /** Runs {@code whileSuspended} once every thread has started sleeping, if it is not {@code null}. */
    static int spawnSleep(ExecutorService threads, int tasks, long delayMillis, Runnable whileSuspended) {
        CountDownLatch sleeping = new CountDownLatch(tasks);
        List<Future<?>> sleepers = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            sleepers.add(threads.submit(() -> {
                sleeping.countDown();
                Thread.sleep(delayMillis);
                return null;
            }));
        }
        if (whileSuspended != null) {
            await(sleeping);
            whileSuspended.run();
        }
        for (Future<?> sleeper : sleepers) {
            join(sleeper);
        }
        return sleepers.size();
    }

    static int gatherYielders(ExecutorService threads, int tasks) {
        List<Future<Integer>> yielders = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            yielders.add(threads.submit(() -> yielder(1)));
        }
        for (Future<Integer> yielder : yielders) {
            join(yielder);
        }
        return yielders.size();
    }

    /** A scope of its own, as {@code try (var scope = newVirtualThreadPerTaskExecutor())} would be. */
    static int taskGroupYielders(int tasks) {
        ExecutorService scope = newExecutor();
        for (int i = 0; i < tasks; i++) {
            scope.execute(Thread::yield);
        }
        scope.shutdown();
        try {
            if (!scope.awaitTermination(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the task scope did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return tasks;
    }

    /** A deadline around a blocking call that returns first: armed on a scheduler, cancelled after the call. */
    static int timeouts(ExecutorService threads, ScheduledExecutorService deadlines, int count, Object token,
            Blackhole blackhole) {
        return join(threads.submit(() -> {
            Thread caller = Thread.currentThread();
            for (int i = 0; i < count; i++) {
                ScheduledFuture<?> deadline = deadlines.schedule(caller::interrupt, 1, TimeUnit.SECONDS);
                try {
                    blackhole.consume(passThrough(token));
                } finally {
                    deadline.cancel(false);
                }
            }
            return count;
        }));
    }

    static int timers(ExecutorService threads, long[] delays) {
        AtomicInteger fired = new AtomicInteger();
        CountDownLatch allFired = new CountDownLatch(delays.length);
        for (long delay : delays) {
            threads.execute(() -> {
                try {
                    TimeUnit.NANOSECONDS.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                fired.incrementAndGet();
                allFired.countDown();
            });
        }
        await(allFired);
        return fired.get();
    }

    private static <T> T join(Future<T> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a virtual thread failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a virtual thread", e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for virtual threads", e);
        }
    }
}
