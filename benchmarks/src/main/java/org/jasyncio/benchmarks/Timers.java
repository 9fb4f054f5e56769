package org.jasyncio.benchmarks;

import java.util.SplittableRandom;
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
 * timers: {@value #TIMERS} timers scheduled at once with random deadlines (uniform in the next
 * {@value #WINDOW_MILLIS} ms, the same for every alternative), all pending together, then all fired
 * ({@code callLater}, {@code launch { delay() }}, a sleeping virtual thread, a delayed executor).
 * Score: nanoseconds per timer scheduled and fired.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class Timers extends Alternatives {

    static final int TIMERS = 1_000_000;
    static final int WINDOW_MILLIS = 10;

    @Param({"" + TIMERS})
    public int timers;

    private long[] delays;

    @Setup
    public void drawDeadlines() {
        SplittableRandom random = new SplittableRandom(20261125);
        delays = new long[timers];
        for (int i = 0; i < timers; i++) {
            delays[i] = random.nextLong(TimeUnit.MILLISECONDS.toNanos(WINDOW_MILLIS));
        }
    }

    @Benchmark
    @OperationsPerInvocation(TIMERS)
    public int jasyncio() {
        return check(JasyncioWorkloads.timers(loop, delays), timers, "timers fired");
    }

    @Benchmark
    @OperationsPerInvocation(TIMERS)
    public int kotlinCoroutines() {
        return check(KotlinWorkloads.timers(delays), timers, "timers fired");
    }

    @Benchmark
    @OperationsPerInvocation(TIMERS)
    public int virtualThreads() {
        return check(VirtualThreadWorkloads.timers(virtualThreads, delays), timers, "timers fired");
    }

    @Benchmark
    @OperationsPerInvocation(TIMERS)
    public int completableFuture() {
        return check(CompletableFutureWorkloads.timers(delays, executor), timers, "timers fired");
    }
}
