package org.jasyncio.benchmarks;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * timeout: a one-second timeout around a call that returns at once, {@value #TIMEOUTS} times
 * ({@code timeout}, {@code withTimeout}, and for a virtual thread a deadline armed on a scheduler and
 * cancelled after the call). Score: nanoseconds per timeout: the cost of arming and disarming one.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class TimeoutFirst extends Alternatives {

    static final int TIMEOUTS = 1_000;

    @Param({"" + TIMEOUTS})
    public int timeouts;

    private final Object token = new Object();
    private ScheduledExecutorService deadlines;

    @Setup(Level.Trial)
    public void startDeadlines() {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
        // A cancelled deadline leaves the queue at once, as a user who cancels most of them would want.
        scheduler.setRemoveOnCancelPolicy(true);
        deadlines = scheduler;
    }

    @TearDown(Level.Trial)
    public void stopDeadlines() {
        deadlines.shutdownNow();
    }

    @Benchmark
    @OperationsPerInvocation(TIMEOUTS)
    public int jasyncio(Blackhole blackhole) throws Exception {
        return check(loop.runUntilComplete(JasyncioWorkloads.timeouts(timeouts, token, blackhole)), timeouts, "timeouts");
    }

    @Benchmark
    @OperationsPerInvocation(TIMEOUTS)
    public int kotlinCoroutines(Blackhole blackhole) {
        return check(KotlinWorkloads.timeouts(timeouts, token, blackhole), timeouts, "timeouts");
    }

    @Benchmark
    @OperationsPerInvocation(TIMEOUTS)
    public int virtualThreads(Blackhole blackhole) {
        return check(VirtualThreadWorkloads.timeouts(virtualThreads, deadlines, timeouts, token, blackhole),
                timeouts, "timeouts");
    }
}
