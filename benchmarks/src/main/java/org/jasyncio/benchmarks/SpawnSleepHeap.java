package org.jasyncio.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * spawn-sleep's memory: the heap its tasks hold while all of them sleep, measured after a full GC
 * and divided by the number of tasks (secondary result {@code heapBytesPerTask}). The primary score,
 * the time, includes the collections and is not the workload's; {@link SpawnSleep} measures that.
 */
public class SpawnSleepHeap extends SpawnSleepWorkload {

    /** The heap per suspended task of the last invocation. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Footprint {
        public long heapBytesPerTask;

        @Setup(Level.Iteration)
        public void clear() {
            heapBytesPerTask = 0;
        }
    }

    @Benchmark
    public int jasyncio(Footprint footprint) {
        return measure(Alternative.JASYNCIO, footprint);
    }

    @Benchmark
    public int kotlinCoroutines(Footprint footprint) {
        return measure(Alternative.KOTLIN_COROUTINES, footprint);
    }

    @Benchmark
    public int virtualThreads(Footprint footprint) {
        return measure(Alternative.VIRTUAL_THREADS, footprint);
    }

    @Benchmark
    public int completableFuture(Footprint footprint) {
        return measure(Alternative.COMPLETABLE_FUTURE, footprint);
    }

    private int measure(Alternative alternative, Footprint footprint) {
        long before = usedHeapAfterGc();
        int sleepers = run(alternative, () -> footprint.heapBytesPerTask = (usedHeapAfterGc() - before) / tasks);
        return check(sleepers, tasks, "sleepers");
    }

    /** The heap in use after full collections, once it stops shrinking. */
    static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            long now = memory.getHeapMemoryUsage().getUsed();
            if (now >= used) {
                return now;
            }
            used = now;
        }
        return used;
    }
}
