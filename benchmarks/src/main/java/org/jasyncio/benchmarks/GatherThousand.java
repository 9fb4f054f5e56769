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
 * gather-1k: {@value #TASKS} tasks, each yielding once, started together and waited for together
 * ({@code gather}, {@code awaitAll}, joining every thread, {@code allOf}). Score: nanoseconds per
 * task.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class GatherThousand extends Alternatives {

    static final int TASKS = 1_000;

    @Param({"" + TASKS})
    public int tasks;

    @Benchmark
    @OperationsPerInvocation(TASKS)
    public int jasyncio() {
        return check(loop.runUntilComplete(JasyncioWorkloads.gatherYielders(tasks)), tasks, "tasks");
    }

    @Benchmark
    @OperationsPerInvocation(TASKS)
    public int kotlinCoroutines() {
        return check(KotlinWorkloads.gatherYielders(tasks), tasks, "tasks");
    }

    @Benchmark
    @OperationsPerInvocation(TASKS)
    public int virtualThreads() {
        return check(VirtualThreadWorkloads.gatherYielders(virtualThreads, tasks), tasks, "tasks");
    }

    @Benchmark
    @OperationsPerInvocation(TASKS)
    public int completableFuture() {
        return check(CompletableFutureWorkloads.gatherYielders(tasks, executor), tasks, "tasks");
    }
}
