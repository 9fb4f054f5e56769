package org.jasyncio.benchmarks;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * The table of BENCHMARKS.md, made from one run's results: a row per workload, a column per
 * alternative (the median of its iterations, per operation), and the ratio jasyncio/alternative for each. A ratio
 * below 1 means jasyncio is cheaper.
 */
final class Report {

    /** The alternatives, in the table's order: the method name of their benchmarks, and a title. */
    private static final List<String[]> ALTERNATIVES = List.of(
            new String[] {"jasyncio", "jasyncio"},
            new String[] {"kotlinCoroutines", "Kotlin coroutines"},
            new String[] {"virtualThreads", "virtual threads"},
            new String[] {"completableFuture", "CompletableFuture"});

    /** A row: the workload's title, its unit, and how to read its figure from a benchmark's result. */
    private record Row(String title, String unit, String benchmark, String secondary, double minus) {
    }

    private static final List<Row> ROWS = List.of(
            new Row("await-inline", "ns / await", "AwaitInline", null, 0),
            new Row("await-inline, allocated", "B / await", "AwaitInline", "gc.alloc.rate.norm", 0),
            new Row("await chain, inlined", "ns / await", "AwaitChain", null, 0),
            new Row("await chain, inlined, allocated", "B / await", "AwaitChain", "gc.alloc.rate.norm", 0),
            new Row("await chain, not inlined", "ns / await", "AwaitChainNotInlined", null, 0),
            new Row("await chain, not inlined, allocated", "B / await", "AwaitChainNotInlined", "gc.alloc.rate.norm", 0),
            new Row("await chain, callees not inlined", "ns / await", "AwaitChainCalleesNotInlined", null, 0),
            new Row("await chain, callees not inlined, allocated", "B / await", "AwaitChainCalleesNotInlined",
                    "gc.alloc.rate.norm", 0),
            new Row("yield", "ns / switch", "Yield", null, 0),
            new Row("handoff", "ns / value", "Handoff", null, 0),
            new Row("queue-handoff", "ns / value", "QueueHandoff", null, 0),
            new Row("queue-handoff, allocated", "B / value", "QueueHandoff", "gc.alloc.rate.norm", 0),
            new Row("queue-handoff, loop thread's CPU", "ns / value", "QueueHandoff", "cpuNanosPerOp", 0),
            new Row("lock-uncontended", "ns / pair", "LockUncontended", null, 0),
            new Row("lock-uncontended, allocated", "B / pair", "LockUncontended", "gc.alloc.rate.norm", 0),
            new Row("spawn-sleep, beyond the 1 s sleep", "ms / 1M tasks", "SpawnSleep", null, SpawnSleepWorkload.SLEEP_MILLIS),
            new Row("spawn-sleep, heap while suspended", "B / task", "SpawnSleepHeap", "heapBytesPerTask", 0),
            new Row("gather-1k", "ns / task", "GatherThousand", null, 0),
            new Row("taskgroup-1k", "ns / task", "TaskGroupThousand", null, 0),
            new Row("timeout, body first", "ns / timeout", "TimeoutFirst", null, 0),
            new Row("timers", "ns / timer", "Timers", null, 0),
            new Row("timers, 1M pending", "ns / timer", "TimersPending", null, 0),
            new Row("timers, 1M pending, loop thread's CPU", "ns / timer", "TimersPending", "cpuNanosPerOp", 0),
            new Row("throw through " + ThrowThroughAwaits.DEPTH + " awaits", "ns / throw", "ThrowThroughAwaits", null, 0));

    private Report() {
    }

    static String table(Collection<RunResult> results, String jdk) {
        Map<String, RunResult> byName = new HashMap<>();
        for (RunResult result : results) {
            byName.put(shortName(result), result);
        }
        StringBuilder table = new StringBuilder();
        table.append("JDK ").append(jdk).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" processors; scores are per operation, lower is better\n\n");
        table.append("| workload | unit |");
        for (String[] alternative : ALTERNATIVES) {
            table.append(' ').append(alternative[1]).append(" |");
        }
        for (String[] alternative : ALTERNATIVES.subList(1, ALTERNATIVES.size())) {
            table.append(" jasyncio / ").append(alternative[1]).append(" |");
        }
        table.append('\n').append("|---|---|").append("---:|".repeat(2 * ALTERNATIVES.size() - 1)).append('\n');
        for (Row row : ROWS) {
            double[] scores = new double[ALTERNATIVES.size()];
            boolean any = false;
            for (int i = 0; i < scores.length; i++) {
                scores[i] = score(byName.get(row.benchmark() + "." + ALTERNATIVES.get(i)[0]), row);
                any |= !Double.isNaN(scores[i]);
            }
            if (!any) {
                continue;
            }
            table.append("| ").append(row.title()).append(" | ").append(row.unit()).append(" |");
            for (double score : scores) {
                table.append(' ').append(Double.isNaN(score) ? "n/a" : format(score)).append(" |");
            }
            for (int i = 1; i < scores.length; i++) {
                table.append(' ').append(ratio(scores[0], scores[i])).append(" |");
            }
            table.append('\n');
        }
        return table.toString();
    }

    /** A benchmark's name without its package: {@code Workload.alternative}. */
    static String shortName(RunResult result) {
        String name = result.getParams().getBenchmark();
        return name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
    }

    /** The row's figure from {@code result}, or NaN when it was not run. */
    private static double score(RunResult result, Row row) {
        if (result == null) {
            return Double.NaN;
        }
        if (row.secondary() == null) {
            return median(result.getPrimaryResult()) - row.minus();
        }
        for (String name : result.getSecondaryResults().keySet()) {
            if (name.endsWith(row.secondary())) {
                return median(result.getSecondaryResults().get(name));
            }
        }
        return Double.NaN;
    }

    private static double median(Result<?> result) {
        return result.getStatistics().getPercentile(50);
    }

    private static String ratio(double jasyncio, double alternative) {
        if (Double.isNaN(jasyncio) || Double.isNaN(alternative)) {
            return "n/a";
        }
        if (alternative <= 0) {
            return jasyncio <= 0 ? "1" : "n/a";
        }
        return String.format(Locale.ROOT, "%.3f", jasyncio / alternative);
    }

    private static String format(double score) {
        return score >= 100 || score == Math.rint(score)
                ? String.format(Locale.ROOT, "%,.0f", score)
                : String.format(Locale.ROOT, "%.2f", score);
    }
}
