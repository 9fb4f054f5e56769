package org.jasyncio.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * timers, 1M pending: {@value #PENDING} timers stay pending, with random deadlines one to two hours
 * ahead, while {@value #TIMERS} more, with random deadlines in the next {@value Timers#WINDOW_MILLIS}
 * ms, are scheduled and fired ({@code callLater}). Score: nanoseconds per timer scheduled and fired,
 * with the timer heap a million deep throughout, as a server's heap of idle timeouts is. Secondary
 * result {@code cpuNanosPerTimer}: the CPU time of the loop's thread per timer, which other work on
 * a busy machine disturbs less than the elapsed time (garbage collection, on its own threads, is
 * left out of it).
 *
 * <p>jasyncio only: Kotlin's {@code runBlocking} and a virtual thread's sleep keep their timers in
 * a scope or a scheduler that each invocation would have to fill again, so the million would be
 * measured too. {@link Timers} compares the alternatives.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TimersPending extends Alternatives {

    static final int PENDING = 1_000_000;
    static final int TIMERS = 100_000;

    @Param({"" + PENDING})
    public int pending;

    @Param({"" + TIMERS})
    public int timers;

    private long[] delays;

    /** The loop thread's CPU time per timer, over the iteration so far. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class CpuTime {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

        public long cpuNanosPerTimer;
        private long cpuNanos;
        private long timers;

        @Setup(Level.Iteration)
        public void clear() {
            cpuNanosPerTimer = 0;
            cpuNanos = 0;
            timers = 0;
        }

        void add(long nanos, int fired) {
            cpuNanos += nanos;
            timers += fired;
            cpuNanosPerTimer = cpuNanos / timers;
        }
    }

    /** Runs after {@link Alternatives#startAlternatives()}: JMH runs a superclass's setup first. */
    @Setup
    public void fill() {
        SplittableRandom random = new SplittableRandom(20261201);
        long hour = TimeUnit.HOURS.toNanos(1);
        Runnable never = () -> {
            throw new IllegalStateException("a timer meant to stay pending fired");
        };
        for (int i = 0; i < pending; i++) {
            loop.callLater(Duration.ofNanos(hour + random.nextLong(hour)), never);
        }
        delays = new long[timers];
        for (int i = 0; i < timers; i++) {
            delays[i] = random.nextLong(TimeUnit.MILLISECONDS.toNanos(Timers.WINDOW_MILLIS));
        }
    }

    @Benchmark
    @OperationsPerInvocation(TIMERS)
    public int jasyncio(CpuTime cpu) {
        long started = CpuTime.THREADS.getCurrentThreadCpuTime();
        int fired = JasyncioWorkloads.timers(loop, delays);
        cpu.add(CpuTime.THREADS.getCurrentThreadCpuTime() - started, fired);
        return check(fired, timers, "timers fired");
    }
}
