package org.jasyncio.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A secondary result, {@code cpuNanosPerOp}: the CPU time of the thread that runs jasyncio's loop
 * (the benchmark's own thread) per operation, over the iteration so far. Other work on a busy
 * machine disturbs it less than the elapsed time; garbage collection, on threads of its own, is
 * left out of it.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class LoopCpuTime {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public long cpuNanosPerOp;
    private long cpuNanos;
    private long operations;

    @Setup(Level.Iteration)
    public void clear() {
        cpuNanosPerOp = 0;
        cpuNanos = 0;
        operations = 0;
    }

    /** The calling thread's CPU time so far, to pass to {@link #add}. */
    static long now() {
        return THREADS.getCurrentThreadCpuTime();
    }

    /** Counts {@code done} operations, which took the CPU time since {@code started}, from {@link #now()}. */
    void add(long started, long done) {
        cpuNanos += now() - started;
        operations += done;
        cpuNanosPerOp = cpuNanos / operations;
    }
}
