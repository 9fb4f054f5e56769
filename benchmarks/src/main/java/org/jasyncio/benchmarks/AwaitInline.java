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
import org.openjdk.jmh.infra.Blackhole;

/**
 * await-inline: one coroutine awaits, {@value #AWAITS} times, a coroutine that completes without
 * suspending. Score: nanoseconds per await; run with {@code -prof gc} for the bytes allocated per
 * await. Without coroutines, the same is a plain call (virtual threads) or a composed stage.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class AwaitInline extends Alternatives {

    static final int AWAITS = 10_000;

    @Param({"" + AWAITS})
    public int awaits;

    private final Object token = new Object();

    @Benchmark
    @OperationsPerInvocation(AWAITS)
    public int jasyncio(Blackhole blackhole) {
        return check(loop.runUntilComplete(JasyncioWorkloads.awaitInline(awaits, token, blackhole)), awaits, "awaits");
    }

    @Benchmark
    @OperationsPerInvocation(AWAITS)
    public int kotlinCoroutines(Blackhole blackhole) {
        return check(KotlinWorkloads.awaitInline(awaits, token, blackhole), awaits, "awaits");
    }

    @Benchmark
    @OperationsPerInvocation(AWAITS)
    public int virtualThreads(Blackhole blackhole) {
        return check(VirtualThreadWorkloads.awaitInline(virtualThreads, awaits, token, blackhole), awaits, "awaits");
    }

    @Benchmark
    @OperationsPerInvocation(AWAITS)
    public int completableFuture(Blackhole blackhole) {
        return check(CompletableFutureWorkloads.awaitInline(awaits, token, blackhole), awaits, "awaits");
    }
}
