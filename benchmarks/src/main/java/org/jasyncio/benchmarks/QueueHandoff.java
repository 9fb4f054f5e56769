package org.jasyncio.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;

/**
 * queue-handoff: the values of {@link HandoffWorkload} pass through a queue of capacity 1, the
 * library's own: jasyncio's {@code Queue(1)}, Kotlin's {@code Channel(1)}, an
 * {@code ArrayBlockingQueue(1)} between virtual threads (the last two, inherited from
 * {@link HandoffWorkload}, are those of {@link Handoff}, which already used a queue). {@code CompletableFuture} has no queue to wait on, so it has no
 * column here. Score: nanoseconds per value; for jasyncio also the loop thread's CPU time per value
 * ({@link LoopCpuTime}).
 */
public class QueueHandoff extends HandoffWorkload {

    @Benchmark
    @OperationsPerInvocation(VALUES)
    public long jasyncio(LoopCpuTime cpu) {
        long started = LoopCpuTime.now();
        long received = loop.runUntilComplete(JasyncioWorkloads.queueHandoff(boxed, values));
        cpu.add(started, values);
        return check(received, sum, "sum");
    }
}
