package org.jasyncio.benchmarks.net;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The echo benchmark: {@link EchoClient} against each {@link EchoServer}, each pair in a JVM of its
 * own (client and server threads in it, on the loopback address), one after the other; prints the
 * table of BENCHMARKS.md.
 *
 * <pre>
 * java -cp ... org.jasyncio.benchmarks.net.EchoBenchmark [--connections 100] [--size 1024]
 *      [--warmup 5] [--seconds 10] [server ...]
 * </pre>
 *
 * Servers: those of {@link EchoServer#KINDS} (all by default). {@code --child server} runs one
 * pair in this JVM and prints its {@link Child#RESULT} line: requests, requests per second, p50 and
 * p99 latency in nanoseconds, and the CPU nanoseconds per request of every thread but the client's.
 */
public final class EchoBenchmark {

    /** The child JVMs' options: a fixed heap, and one carrier thread for virtual threads. */
    static final List<String> CHILD_JVM = List.of("-Xms1g", "-Xmx1g", "-Djdk.virtualThreadScheduler.parallelism=1");

    private EchoBenchmark() {
    }

    public static void main(String[] arguments) throws IOException, InterruptedException {
        Args args = new Args(arguments, "connections", "100", "size", "1024", "warmup", "5", "seconds", "10",
                "child", "");
        if (!args.get("child").isEmpty()) {
            EchoClient.Result result = runPair(args.get("child"), args);
            System.out.println(Child.RESULT + result.requests() + " " + result.requestsPerSecond() + " "
                    + result.p50Nanos() + " " + result.p99Nanos() + " " + result.serverCpuNanosPerRequest());
            return;
        }
        Map<String, double[]> results = new LinkedHashMap<>();
        for (String kind : args.words(EchoServer.KINDS)) {
            if (!Runs.canRun(kind, System.out)) {
                continue;
            }
            List<String> childArgs = Runs.childArguments(args, List.of("connections", "size", "warmup", "seconds"), kind);
            try (Child child = Child.startJava(kind, CHILD_JVM, EchoBenchmark.class, childArgs, System.out)) {
                String[] answer = child.answer().split(" ");
                double[] figures = {Double.parseDouble(answer[1]), Long.parseLong(answer[2]) / 1e3,
                        Long.parseLong(answer[3]) / 1e3, Double.parseDouble(answer[4]) / 1e3};
                results.put(kind, figures);
                System.out.printf(Locale.ROOT, "%s: %.0f requests/s, p50 %.1f us, p99 %.1f us, server CPU %.2f us/request%n",
                        kind, figures[0], figures[1], figures[2], figures[3]);
            }
        }
        System.out.println();
        System.out.println(table(results, args));
    }

    /** Starts server {@code kind}, runs the client against it on this thread, and closes the server. */
    private static EchoClient.Result runPair(String kind, Args args) throws IOException, InterruptedException {
        try (EchoServer server = EchoServer.start(kind)) {
            return EchoClient.run(server.port(), args.integer("connections"), args.integer("size"),
                    Duration.ofSeconds(args.integer("warmup")), Duration.ofSeconds(args.integer("seconds")));
        }
    }

    private static Table table(Map<String, double[]> results, Args args) {
        List<String> header = new ArrayList<>(List.of("workload", "unit"));
        header.addAll(EchoServer.KINDS);
        header.add("jasyncio-protocol / netty");
        header.add("jasyncio-streams / netty");
        Table table = new Table(header);
        String workload = "echo, " + args.get("connections") + " connections, " + args.get("size") + " B";
        String[][] rows = {{workload, "requests / s"}, {workload + ", p50 latency", "µs"},
                {workload + ", p99 latency", "µs"}, {workload + ", CPU of the server's threads", "µs / request"}};
        for (int row = 0; row < rows.length; row++) {
            List<String> cells = new ArrayList<>(List.of(rows[row]));
            for (String kind : EchoServer.KINDS) {
                cells.add(Table.figure(Runs.cell(results, kind, row)));
            }
            cells.add(Table.ratio(Runs.cell(results, "jasyncio-protocol", row), Runs.cell(results, "netty", row)));
            cells.add(Table.ratio(Runs.cell(results, "jasyncio-streams", row), Runs.cell(results, "netty", row)));
            table.add(cells);
        }
        return table;
    }
}
