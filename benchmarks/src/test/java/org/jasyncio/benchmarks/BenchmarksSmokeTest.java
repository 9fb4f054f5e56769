package org.jasyncio.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps the benchmarks from rotting: runs every one of them once, small and short, in this JVM.
 * Each benchmark checks its own workload's result, so a broken workload fails here. The figures
 * mean nothing at these sizes; the full run is {@code -Pbenchmarks}.
 */
class BenchmarksSmokeTest {

    private static final Set<String> ALL = Set.of("jasyncio", "kotlinCoroutines", "virtualThreads", "completableFuture");
    private static final Set<String> NO_COMPLETABLE_FUTURE = Set.of("jasyncio", "kotlinCoroutines", "virtualThreads");
    private static final Set<String> COROUTINE_LIBRARIES = Set.of("jasyncio", "kotlinCoroutines");
    /** Each workload, and the alternatives it is written for. */
    private static final Map<String, Set<String>> WORKLOADS = Map.ofEntries(
            Map.entry("AwaitInline", ALL), Map.entry("AwaitChain", NO_COMPLETABLE_FUTURE),
            Map.entry("AwaitChainNotInlined", NO_COMPLETABLE_FUTURE),
            Map.entry("AwaitChainCalleesNotInlined", NO_COMPLETABLE_FUTURE), Map.entry("Yield", ALL), Map.entry("Handoff", ALL),
            Map.entry("QueueHandoff", NO_COMPLETABLE_FUTURE), Map.entry("LockUncontended", NO_COMPLETABLE_FUTURE),
            Map.entry("SpawnSleep", ALL), Map.entry("SpawnSleepHeap", ALL), Map.entry("GatherThousand", ALL),
            Map.entry("Timers", ALL), Map.entry("TimersPending", Set.of("jasyncio")),
            Map.entry("TaskGroupThousand", NO_COMPLETABLE_FUTURE),
            Map.entry("TimeoutFirst", NO_COMPLETABLE_FUTURE), Map.entry("ThrowThroughAwaits", COROUTINE_LIBRARIES));

    @Test
    void everyBenchmarkRunsOnceAndReports() throws RunnerException {
        // Measures nothing, so it need not wait for JMH's machine-wide lock held by another build's run.
        System.setProperty("jmh.ignoreLock", "true");
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(BenchmarksSmokeTest.class.getPackageName() + "\\.")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(20))
                .param("awaits", "100")
                .param("calls", "100")
                .param("switchesEach", "100")
                .param("values", "1000")
                .param("pairs", "100")
                .param("tasks", "2000")
                .param("sleepMillis", "10")
                .param("timers", "1000")
                .param("pending", "1000")
                .param("timeouts", "100")
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT);
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        BenchmarkMain.excludeWhatThisJvmCannotRun(options, new PrintStream(message, true, StandardCharsets.UTF_8));

        Collection<RunResult> results = new Runner(options.build()).run();

        Set<String> expected = new TreeSet<>();
        WORKLOADS.forEach((workload, alternatives) -> {
            for (String alternative : alternatives) {
                if (VirtualThreadWorkloads.available() || !alternative.equals("virtualThreads")) {
                    expected.add(workload + "." + alternative);
                }
            }
        });
        Set<String> ran = new TreeSet<>();
        for (RunResult result : results) {
            String name = Report.shortName(result);
            ran.add(name);
            assertTrue(result.getPrimaryResult().getScore() > 0, name + " reported no time");
            if (name.contains("SpawnSleepHeap")) {
                assertTrue(result.getSecondaryResults().get("heapBytesPerTask").getScore() > 0,
                        name + " measured no heap per suspended task");
            }
        }
        assertEquals(expected, ran);
        assertEquals(VirtualThreadWorkloads.available(), message.size() == 0, message.toString(StandardCharsets.UTF_8));

        String table = Report.table(results, Runtime.version().toString());
        for (String row : new String[] {"| await-inline |", "| yield |", "| handoff |", "| queue-handoff |",
                "| lock-uncontended |", "| spawn-sleep, heap while suspended |", "| gather-1k |", "| timers |",
                "| taskgroup-1k |", "| timeout, body first |", "| throw through 10 awaits |"}) {
            assertTrue(table.contains(row), "the report lacks " + row + ":\n" + table);
        }
    }
}
