package org.jasyncio.benchmarks;

import java.time.Duration;
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
 * timers, 1M pending: {@value #PENDING} timers stay pending, with random deadlines one to two hours
 * ahead, while {@value #TIMERS} more, with random deadlines in the next {@value Timers#WINDOW_MILLIS}
 * ms, are scheduled and fired ({@code callLater}). Score: nanoseconds per timer scheduled and fired,
 * with the timer heap a million deep throughout, as a server's heap of idle timeouts is; and the
 * loop thread's CPU time per timer ({@link LoopCpuTime}).
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
    public int jasyncio(LoopCpuTime cpu) {
        long started = LoopCpuTime.now();
        int fired = JasyncioWorkloads.timers(loop, delays);
        cpu.add(started, fired);
        return check(fired, timers, "timers fired");
    }
}
