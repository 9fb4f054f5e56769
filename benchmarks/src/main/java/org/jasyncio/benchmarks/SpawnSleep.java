package org.jasyncio.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;

/**
 * spawn-sleep's time: milliseconds for the whole workload of {@link SpawnSleepWorkload}, once per
 * iteration. What lies beyond the sleep is the cost of spawning, suspending, waking and gathering
 * the tasks.
 */
public class SpawnSleep extends SpawnSleepWorkload {
    @Benchmark
    public int jasyncio() {
        return check(run(Alternative.JASYNCIO, null), tasks, "sleepers");
    }

    @Benchmark
    public int kotlinCoroutines() {
        return check(run(Alternative.KOTLIN_COROUTINES, null), tasks, "sleepers");
    }

    @Benchmark
    public int virtualThreads() {
        return check(run(Alternative.VIRTUAL_THREADS, null), tasks, "sleepers");
    }

    @Benchmark
    public int completableFuture() {
        return check(run(Alternative.COMPLETABLE_FUTURE, null), tasks, "sleepers");
    }
}
