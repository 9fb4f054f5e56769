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
 * A producer passing {@value #VALUES} values to a consumer on the same thread, which sums them: the
 * values, boxed once beforehand, and their sum, which each benchmark checks. {@link Handoff} passes
 * them through one slot, {@link QueueHandoff} through a queue of capacity 1; for Kotlin coroutines
 * and virtual threads, whose natural slot is a queue of capacity 1 ({@code Channel(1)},
 * {@code ArrayBlockingQueue(1)}), the two are the same, and their benchmarks are here. Score:
 * nanoseconds per value.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public abstract class HandoffWorkload extends Alternatives {

    static final int VALUES = 1_000_000;

    @Param({"" + VALUES})
    public int values;

    protected final Integer[] boxed = new Integer[1024];
    protected long sum;

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
    public long kotlinCoroutines() {
        return check(KotlinWorkloads.handoff(boxed, values), sum, "sum");
    }

    @Benchmark
    @OperationsPerInvocation(VALUES)
    public long virtualThreads() {
        return check(VirtualThreadWorkloads.handoff(virtualThreads, boxed, values), sum, "sum");
    }
}
