package org.jasyncio.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Warmup;

/**
 * yield: two tasks on one thread alternate, each giving way {@value #SWITCHES_EACH} times
 * ({@code sleep(0)}, {@code yield()}, {@code Thread.yield()}, a hop through the executor). Score:
 * nanoseconds per switch.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class Yield extends Alternatives {

    static final int SWITCHES_EACH = 10_000;

    @Param({"" + SWITCHES_EACH})
    public int switchesEach;

    @Benchmark
    @OperationsPerInvocation(2 * SWITCHES_EACH)
    public int jasyncio() {
        return check(loop.runUntilComplete(JasyncioWorkloads.alternate(switchesEach)), 2 * switchesEach, "switches");
    }

    @Benchmark
    @OperationsPerInvocation(2 * SWITCHES_EACH)
    public int kotlinCoroutines() {
        return check(KotlinWorkloads.alternate(switchesEach), 2 * switchesEach, "switches");
    }

    @Benchmark
    @OperationsPerInvocation(2 * SWITCHES_EACH)
    public int virtualThreads() {
        return check(VirtualThreadWorkloads.alternate(virtualThreads, switchesEach), 2 * switchesEach, "switches");
    }

    @Benchmark
    @OperationsPerInvocation(2 * SWITCHES_EACH)
    public int completableFuture() {
        return check(CompletableFutureWorkloads.alternate(switchesEach, executor), 2 * switchesEach, "switches");
    }
}
