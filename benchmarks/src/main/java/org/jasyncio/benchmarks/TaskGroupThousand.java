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
 * taskgroup-1k: a structured scope that starts {@value #TASKS} tasks, each yielding once, and ends
 * when they all have ({@code taskGroup}, {@code coroutineScope}, an executor of virtual threads shut
 * down and awaited). Score: nanoseconds per task. {@code CompletableFuture} has no scope of its own
 * (its {@code allOf} is gather-1k).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class TaskGroupThousand extends Alternatives {

    static final int TASKS = 1_000;

    @Param({"" + TASKS})
    public int tasks;

    @Benchmark
    @OperationsPerInvocation(TASKS)
    public int jasyncio() {
        return check(loop.runUntilComplete(JasyncioWorkloads.taskGroupYielders(tasks)), tasks, "tasks");
    }

    @Benchmark
    @OperationsPerInvocation(TASKS)
    public int kotlinCoroutines() {
        return check(KotlinWorkloads.taskGroupYielders(tasks), tasks, "tasks");
    }

    @Benchmark
    @OperationsPerInvocation(TASKS)
    public int virtualThreads() {
        return check(VirtualThreadWorkloads.taskGroupYielders(tasks), tasks, "tasks");
    }
}
