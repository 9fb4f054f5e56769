package org.jasyncio.benchmarks;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Warmup;

/**
 * spawn-sleep: {@value #TASKS} tasks each sleep {@value #SLEEP_MILLIS} ms, all at once, and are
 * waited for together. {@link SpawnSleep} measures the time, {@link SpawnSleepHeap} the heap the
 * sleeping tasks hold.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public abstract class SpawnSleepWorkload extends Alternatives {

    static final int TASKS = 1_000_000;
    static final int SLEEP_MILLIS = 1_000;

    @Param({"" + TASKS})
    public int tasks;

    @Param({"" + SLEEP_MILLIS})
    public int sleepMillis;

    /** The alternatives, to share the workload with the two benchmarks. */
    enum Alternative { JASYNCIO, KOTLIN_COROUTINES, VIRTUAL_THREADS, COMPLETABLE_FUTURE }

    /** Runs the workload with {@code alternative}; {@code whileSuspended} runs once all sleep, if not {@code null}. */
    int run(Alternative alternative, Runnable whileSuspended) {
        return switch (alternative) {
            case JASYNCIO -> loop.runUntilComplete(
                    JasyncioWorkloads.spawnSleep(tasks, Duration.ofMillis(sleepMillis), whileSuspended));
            case KOTLIN_COROUTINES -> KotlinWorkloads.spawnSleep(tasks, sleepMillis, whileSuspended);
            case VIRTUAL_THREADS -> VirtualThreadWorkloads.spawnSleep(virtualThreads, tasks, sleepMillis, whileSuspended);
            case COMPLETABLE_FUTURE -> CompletableFutureWorkloads.spawnSleep(tasks, sleepMillis, executor, whileSuspended);
        };
    }
}
