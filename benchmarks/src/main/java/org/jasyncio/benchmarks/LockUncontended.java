package org.jasyncio.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import kotlinx.coroutines.sync.Mutex;

import org.jasyncio.sync.Lock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Warmup;

/**
 * lock-uncontended: one task acquires and releases a lock {@value #PAIRS} times, nobody else
 * wanting it, and counts the times it held it (jasyncio's {@code Lock}, Kotlin's {@code Mutex},
 * a {@code ReentrantLock} in a virtual thread; each lock is made once, with the benchmark's state).
 * {@code CompletableFuture} has no lock, so it has no column here. Score: nanoseconds per
 * acquire-release pair; run with {@code -prof gc} for the bytes allocated per pair.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class LockUncontended extends Alternatives {

    static final int PAIRS = 10_000;

    @Param({"" + PAIRS})
    public int pairs;

    private final Lock lock = new Lock();
    private final Mutex mutex = KotlinWorkloads.newMutex();
    private final ReentrantLock reentrantLock = new ReentrantLock();

    @Benchmark
    @OperationsPerInvocation(PAIRS)
    public int jasyncio() {
        return check(loop.runUntilComplete(JasyncioWorkloads.lockUncontended(lock, pairs)), pairs, "times held");
    }

    @Benchmark
    @OperationsPerInvocation(PAIRS)
    public int kotlinCoroutines() {
        return check(KotlinWorkloads.lockUncontended(mutex, pairs), pairs, "times held");
    }

    @Benchmark
    @OperationsPerInvocation(PAIRS)
    public int virtualThreads() {
        return check(VirtualThreadWorkloads.lockUncontended(virtualThreads, reentrantLock, pairs), pairs, "times held");
    }
}
