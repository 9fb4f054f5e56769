package org.jasyncio.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;

/**
 * handoff: the values of {@link HandoffWorkload} pass through one slot (a future, a
 * {@code Channel(1)}, an {@code ArrayBlockingQueue(1)}, a pair of stages). Score: nanoseconds per
 * value.
 */
public class Handoff extends HandoffWorkload {

    @Benchmark
    @OperationsPerInvocation(VALUES)
    public long jasyncio() {
        return check(loop.runUntilComplete(JasyncioWorkloads.handoff(boxed, values)), sum, "sum");
    }

    @Benchmark
    @OperationsPerInvocation(VALUES)
    public long completableFuture() {
        return check(CompletableFutureWorkloads.handoff(boxed, values, executor), sum, "sum");
    }
}
