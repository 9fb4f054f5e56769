package org.jasyncio.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.openjdk.jmh.infra.Blackhole;

/**
 * The workloads written as plain {@link CompletableFuture} composition, as a user without coroutines
 * would write them. What an event loop does for the others, a single-thread executor does here.
 */
final class CompletableFutureWorkloads {

    private static final Runnable NOTHING = () -> { };

    private CompletableFutureWorkloads() {
    }

    static CompletableFuture<Object> passThrough(Object value) {
        return CompletableFuture.completedFuture(value);
    }

    static int awaitInline(int awaits, Object token, Blackhole blackhole) {
        CompletableFuture<Object> chain = CompletableFuture.completedFuture(token);
        for (int i = 0; i < awaits; i++) {
            chain = chain.thenCompose(value -> {
                blackhole.consume(value);
                return passThrough(token);
            });
        }
        blackhole.consume(chain.join());
        return awaits;
    }

    /** {@code switches} hops through {@code loop}, each started when the one before has run. */
    static CompletableFuture<Integer> yielder(int switches, Executor loop) {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        hop(switches, switches, loop, done);
        return done;
    }

    private static void hop(int left, int switches, Executor loop, CompletableFuture<Integer> done) {
        if (left == 0) {
            done.complete(switches);
            return;
        }
        CompletableFuture.runAsync(NOTHING, loop).thenRun(() -> hop(left - 1, switches, loop, done));
    }

    static int alternate(int switchesEach, Executor loop) {
        CompletableFuture<Integer> first = yielder(switchesEach, loop);
        CompletableFuture<Integer> second = yielder(switchesEach, loop);
        return first.thenCombine(second, Integer::sum).join();
    }

    /** The one slot: the future the consumer takes the next value from, and the one that says it was taken. */
    private static final class Slot {
        CompletableFuture<Integer> value = new CompletableFuture<>();
        CompletableFuture<Void> taken = new CompletableFuture<>();
    }

    static long handoff(Integer[] values, int count, Executor loop) {
        Slot slot = new Slot();
        CompletableFuture<Long> done = new CompletableFuture<>();
        consume(slot, count, 0, loop, done);
        loop.execute(() -> produce(slot, values, 0, count, loop));
        return done.join();
    }

    private static void consume(Slot slot, int left, long sum, Executor loop, CompletableFuture<Long> done) {
        slot.value.thenAcceptAsync(value -> {
            CompletableFuture<Void> taken = slot.taken;
            slot.value = new CompletableFuture<>();
            slot.taken = new CompletableFuture<>();
            taken.complete(null);
            if (left == 1) {
                done.complete(sum + value);
            } else {
                consume(slot, left - 1, sum + value, loop, done);
            }
        }, loop);
    }

    private static void produce(Slot slot, Integer[] values, int next, int count, Executor loop) {
        if (next == count) {
            return;
        }
        CompletableFuture<Void> taken = slot.taken;
        slot.value.complete(values[next & (values.length - 1)]);
        taken.thenRunAsync(() -> produce(slot, values, next + 1, count, loop), loop);
    }

    /** Runs {@code whileSuspended} once every sleep is scheduled, if it is not {@code null}. */
    static int spawnSleep(int tasks, long delayMillis, Executor loop, Runnable whileSuspended) {
        Executor delayed = CompletableFuture.delayedExecutor(delayMillis, TimeUnit.MILLISECONDS, loop);
        List<CompletableFuture<Void>> sleepers = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            sleepers.add(CompletableFuture.runAsync(NOTHING, delayed));
        }
        if (whileSuspended != null) {
            whileSuspended.run();
        }
        CompletableFuture.allOf(sleepers.toArray(new CompletableFuture<?>[0])).join();
        return sleepers.size();
    }

    static int gatherYielders(int tasks, Executor loop) {
        CompletableFuture<?>[] yielders = new CompletableFuture<?>[tasks];
        for (int i = 0; i < tasks; i++) {
            yielders[i] = CompletableFuture.runAsync(NOTHING, loop).thenRunAsync(NOTHING, loop);
        }
        CompletableFuture.allOf(yielders).join();
        return yielders.length;
    }

    static int timers(long[] delays, Executor loop) {
        AtomicInteger fired = new AtomicInteger();
        CompletableFuture<Void> allFired = new CompletableFuture<>();
        Runnable fire = () -> {
            if (fired.incrementAndGet() == delays.length) {
                allFired.complete(null);
            }
        };
        for (long delay : delays) {
            CompletableFuture.delayedExecutor(delay, TimeUnit.NANOSECONDS, loop).execute(fire);
        }
        allFired.join();
        return fired.get();
    }
}
