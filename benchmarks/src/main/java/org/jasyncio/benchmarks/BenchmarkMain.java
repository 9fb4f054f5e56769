package org.jasyncio.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The full benchmark run: every benchmark of this module (or those the JMH arguments select), with
 * JMH's gc profiler, then the table of BENCHMARKS.md with the ratios from this run, printed and
 * written to {@code target/benchmarks.md}. On a JDK without virtual threads their benchmarks are
 * left out, with a message.
 */
public final class BenchmarkMain {

    /** JMH reads fields through {@code sun.misc.Unsafe}, which JDK 23 and newer warn about unless allowed. */
    private static final int FIRST_JDK_WARNING_ABOUT_UNSAFE = 23;

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException, IOException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .parent(new CommandLineOptions(args))
                .addProfiler(GCProfiler.class);
        excludeWhatThisJvmCannotRun(options, System.out);
        if (Runtime.version().feature() >= FIRST_JDK_WARNING_ABOUT_UNSAFE) {
            // Command-line JVM options replace the annotations' own, so they are repeated here.
            options.jvmArgsAppend(Alternatives.HEAP_MIN, Alternatives.HEAP_MAX, Alternatives.ONE_CARRIER,
                    "--sun-misc-unsafe-memory-access=allow");
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        String table = Report.table(results, Runtime.version().toString());
        System.out.println();
        System.out.println(table);
        Path written = Path.of("target", "benchmarks.md");
        Files.createDirectories(written.getParent());
        Files.writeString(written, table, StandardCharsets.UTF_8);
        System.out.println("written to " + written.toAbsolutePath());
    }

    /** Leaves the virtual-thread benchmarks out on a JDK older than 21, saying so on {@code out}. */
    static void excludeWhatThisJvmCannotRun(ChainedOptionsBuilder options, PrintStream out) {
        if (!VirtualThreadWorkloads.available()) {
            out.println("Skipping the virtual-thread benchmarks: they need JDK " + VirtualThreadWorkloads.FIRST_JDK
                    + " or newer, and this is JDK " + Runtime.version() + ".");
            options.exclude("\\.virtualThreads$");
        }
    }
}
