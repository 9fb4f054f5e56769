package org.jasyncio.benchmarks;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.jasyncio.EventLoop;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What every workload's benchmarks run on, one per alternative: a jasyncio event loop, a
 * single-thread executor for {@code CompletableFuture} composition, and an executor of virtual
 * threads (on JDK 21 and newer). Kotlin's {@code runBlocking} makes its own loop on the calling
 * thread. Every benchmark method of a workload is named after its alternative: {@code jasyncio},
 * {@code kotlinCoroutines}, {@code virtualThreads}, {@code completableFuture}.
 *
 * <p>Each benchmark forks a JVM whose virtual threads share one carrier, as the loops do.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {Alternatives.HEAP_MIN, Alternatives.HEAP_MAX, Alternatives.ONE_CARRIER})
public abstract class Alternatives {

    /** The forked JVMs' heap: fixed, and large enough for a million virtual threads. */
    static final String HEAP_MIN = "-Xms4g";
    static final String HEAP_MAX = "-Xmx4g";
    /** Virtual threads share one carrier thread, as every task of an event loop shares its thread. */
    static final String ONE_CARRIER = "-Djdk.virtualThreadScheduler.parallelism=1";

    /** jasyncio's loop, reused by every invocation. */
    protected EventLoop loop;
    /** The thread that runs {@code CompletableFuture} stages, in the role of an event loop. */
    protected ExecutorService executor;
    /** A virtual thread per task; {@code null} on a JDK without virtual threads. */
    protected ExecutorService virtualThreads;

    @Setup(Level.Trial)
    public void startAlternatives() {
        loop = new EventLoop();
        executor = Executors.newSingleThreadExecutor();
        if (VirtualThreadWorkloads.available()) {
            virtualThreads = VirtualThreadWorkloads.newExecutor();
        }
    }

    @TearDown(Level.Trial)
    public void stopAlternatives() throws InterruptedException {
        loop.close();
        stop(executor);
        if (virtualThreads != null) {
            stop(virtualThreads);
        }
    }

    private static void stop(ExecutorService executor) throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(1, TimeUnit.MINUTES)) {
            throw new IllegalStateException("an executor of the benchmarks did not stop: " + executor);
        }
    }

    /** Fails the benchmark when a workload did not do what it was asked: a benchmark must not measure a bug. */
    static <T> T check(T actual, T expected, String what) {
        if (!actual.equals(expected)) {
            throw new IllegalStateException(what + ": expected " + expected + ", got " + actual);
        }
        return actual;
    }
}
