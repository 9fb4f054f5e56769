package org.jasyncio.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;

/**
 * handoff: a producer passes {@value #VALUES} values to a consumer on the same thread through one
 * slot (a future, a {@code Channel(1)}, an {@code ArrayBlockingQueue(1)}, a pair of stages), and
 * the consumer sums them. Score: nanoseconds per value. The values are boxed once, beforehand.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class Handoff extends Alternatives {

    static final int VALUES = 1_000_000;

    @Param({"" + VALUES})
    public int values;

    private final Integer[] boxed = new Integer[1024];
    private long sum;

    @Setup
    public void boxValues() {
        for (int i = 0; i < boxed.length; i++) {
            boxed[i] = i;
        }
        sum = 0;
        for (int i = 0; i < values; i++) {
            sum += boxed[i & (boxed.length - 1)];
        }
    }

    @Benchmark
    @OperationsPerInvocation(VALUES)
    public long jasyncio() {
        return check(loop.runUntilComplete(JasyncioWorkloads.handoff(boxed, values)), sum, "sum");
    }

    @Benchmark
    @OperationsPerInvocation(VALUES)
    public long kotlinCoroutines() {
        return check(KotlinWorkloads.handoff(boxed, values), sum, "sum");
    }

    @Benchmark
    @OperationsPerInvocation(VALUES)
    public long virtualThreads() {
        return check(VirtualThreadWorkloads.handoff(virtualThreads, boxed, values), sum, "sum");
    }

    @Benchmark
    @OperationsPerInvocation(VALUES)
    public long completableFuture() {
        return check(CompletableFutureWorkloads.handoff(boxed, values, executor), sum, "sum");
    }
}
