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
 * throw-through-awaits: a chain of {@value #DEPTH} coroutines, each awaiting the next, whose
 * innermost one yields once (a real suspension, so the chain is resumed from the loop) and then
 * throws; the exception passes through every awaiting frame and is caught above them,
 * {@value #THROWS} times. Score: nanoseconds per throw, the exception's stack trace and, for
 * jasyncio, its async stack trace included. Only the two coroutine libraries run it: without
 * coroutines a throw through plain calls is no suspension at all.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class ThrowThroughAwaits extends Alternatives {

    static final int THROWS = 1_000;
    static final int DEPTH = 10;

    @Param({"" + DEPTH})
    public int depth;

    @Benchmark
    @OperationsPerInvocation(THROWS)
    public int jasyncio() {
        return check(loop.runUntilComplete(JasyncioWorkloads.throwThroughAwaits(THROWS, depth)), THROWS, "throws");
    }

    @Benchmark
    @OperationsPerInvocation(THROWS)
    public int kotlinCoroutines() {
        return check(KotlinWorkloads.throwThroughAwaits(THROWS, depth), THROWS, "throws");
    }
}
