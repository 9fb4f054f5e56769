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
 * await-chain: a caller awaits {@code mid(i)}, which awaits {@code leaf(x)}, both completing at once,
 * {@value #CALLS} times: two awaits a call, none suspending. Score: nanoseconds per await; with
 * {@code -prof gc}, bytes per await. Results are small integers, so boxing them allocates nothing.
 * Here the JIT may inline the whole chain; {@link AwaitChainNotInlined} keeps it from doing so.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class AwaitChain extends Alternatives {

    static final int CALLS = 10_000;
    static final int AWAITS_PER_CALL = 2;

    @Param({"" + CALLS})
    public int calls;

    private int expected;

    @Setup
    public void computeExpected() {
        expected = ChainWorkload.expectedSum(calls);
    }

    @Benchmark
    @OperationsPerInvocation(CALLS * AWAITS_PER_CALL)
    public int jasyncio() {
        return check(loop.runUntilComplete(JasyncioChain.caller(calls)), expected, "sum");
    }

    @Benchmark
    @OperationsPerInvocation(CALLS * AWAITS_PER_CALL)
    public int kotlinCoroutines() {
        return check(KotlinChain.run(calls), expected, "sum");
    }

    @Benchmark
    @OperationsPerInvocation(CALLS * AWAITS_PER_CALL)
    public int virtualThreads() {
        return check(VirtualThreadWorkloads.plainChain(virtualThreads, calls), expected, "sum");
    }
}
