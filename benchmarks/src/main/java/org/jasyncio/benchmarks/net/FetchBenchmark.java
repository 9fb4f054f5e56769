package org.jasyncio.benchmarks.net;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.sun.management.OperatingSystemMXBean;
import org.jasyncio.EventLoop;

/**
 * The fetch benchmark: GETs of one static page from a local HTTP server, {@code concurrency} at a
 * time, by each alternative in a process of its own: the {@link FetchWorkloads} in JVMs, aiohttp on
 * asyncio and on uvloop in Python (the script {@code fetch_aiohttp.py} beside {@code run.sh}). Each
 * process makes one round of {@code requests} GETs to warm up, then the measured round: its wall
 * time and the CPU time of the whole process meanwhile (every thread, the JVM's compiler and
 * collector included). Prints the table of BENCHMARKS.md.
 *
 * <pre>
 * java -cp ... org.jasyncio.benchmarks.net.FetchBenchmark --url http://127.0.0.1:PORT/page.html
 *      [--size 10240] [--requests 2000] [--concurrency 100] [--python python3 --script fetch_aiohttp.py]
 *      [alternative ...]
 * </pre>
 *
 * Without {@code --script} the Python alternatives are skipped, with a message.
 * {@code --child alternative} runs one Java alternative in this JVM and prints its
 * {@link Child#RESULT} line: wall and CPU seconds.
 */
public final class FetchBenchmark {

    /** The Python alternatives, by the names the command line and the table use. */
    static final List<String> PYTHON_KINDS = List.of("aiohttp-asyncio", "aiohttp-uvloop");

    private FetchBenchmark() {
    }

    public static void main(String[] arguments) throws IOException, InterruptedException {
        Args args = new Args(arguments, "url", "", "size", "10240", "requests", "2000", "concurrency", "100",
                "python", "python3", "script", "", "child", "");
        if (args.get("url").isEmpty()) {
            throw new IllegalArgumentException("--url is missing: the address of the page to fetch, "
                    + "e.g. --url http://127.0.0.1:8080/page.html (run.sh starts a server and passes it)");
        }
        if (!args.get("child").isEmpty()) {
            double[] measured = measure(args.get("child"), args);
            System.out.println(Child.RESULT + measured[0] + " " + measured[1]);
            return;
        }
        List<String> all = new ArrayList<>(FetchWorkloads.KINDS);
        all.addAll(PYTHON_KINDS);
        Map<String, double[]> results = new LinkedHashMap<>();
        for (String kind : args.words(all)) {
            Child child = start(kind, args);
            if (child == null) {
                continue;
            }
            try (child) {
                String answer = child.answer();
                if (answer.startsWith("skip ")) {
                    System.out.println("Skipping " + kind + ": " + answer.substring("skip ".length()));
                    continue;
                }
                String[] figures = answer.split(" ");
                results.put(kind, new double[] {Double.parseDouble(figures[0]), Double.parseDouble(figures[1])});
                System.out.printf(Locale.ROOT, "%s: %.3f s wall, %.3f s CPU%n", kind, results.get(kind)[0],
                        results.get(kind)[1]);
            }
        }
        System.out.println();
        System.out.println(table(all, results, args));
    }

    /** Starts the process of alternative {@code kind}, or says why it cannot and gives {@code null}. */
    private static Child start(String kind, Args args) throws IOException {
        if (PYTHON_KINDS.contains(kind)) {
            if (args.get("script").isEmpty()) {
                System.out.println("Skipping " + kind + ": no --script fetch_aiohttp.py given.");
                return null;
            }
            List<String> command = new ArrayList<>(List.of(args.get("python"), args.get("script"),
                    "--url", args.get("url"), "--size", args.get("size"), "--requests", args.get("requests"),
                    "--concurrency", args.get("concurrency")));
            if (kind.equals("aiohttp-uvloop")) {
                command.add("--uvloop");
            }
            return Child.start(kind, command, System.out);
        }
        if (!FetchWorkloads.KINDS.contains(kind)) {
            throw new IllegalArgumentException("no fetch alternative named '" + kind + "'; the names are "
                    + FetchWorkloads.KINDS + " and " + PYTHON_KINDS);
        }
        if (!Runs.canRun(kind, System.out)) {
            return null;
        }
        List<String> childArgs = Runs.childArguments(args, List.of("url", "size", "requests", "concurrency"), kind);
        return Child.startJava(kind, EchoBenchmark.CHILD_JVM, FetchBenchmark.class, childArgs, System.out);
    }

    /** Runs alternative {@code kind}'s warm-up round, then its measured round: wall and CPU seconds. */
    private static double[] measure(String kind, Args args) throws IOException, InterruptedException {
        int requests = args.integer("requests");
        int concurrency = args.integer("concurrency");
        EventLoop loop = new EventLoop();
        try (FetchWorkloads workloads = new FetchWorkloads(URI.create(args.get("url")), args.integer("size"))) {
            double[] measured = new double[2];
            for (int round = 0; round < 2; round++) {
                long wall = System.nanoTime();
                long cpu = cpuNanos();
                switch (kind) {
                    case "jasyncio-streams" -> loop.runUntilComplete(workloads.streamsRound(requests, concurrency));
                    case "jasyncio-httpclient" -> loop.runUntilComplete(workloads.httpClientRound(requests, concurrency));
                    default -> workloads.virtualThreadsRound(requests, concurrency);
                }
                measured[0] = (System.nanoTime() - wall) / 1e9;
                measured[1] = (cpuNanos() - cpu) / 1e9;
            }
            return measured;
        } finally {
            loop.close();
        }
    }

    /** The CPU time of this process so far: every thread's. */
    private static long cpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static Table table(List<String> kinds, Map<String, double[]> results, Args args) {
        List<String> header = new ArrayList<>(List.of("workload", "unit"));
        header.addAll(kinds);
        header.add("jasyncio-streams / aiohttp-uvloop");
        Table table = new Table(header);
        String workload = "fetch, " + args.get("requests") + " GETs of " + args.get("size") + " B, "
                + args.get("concurrency") + " at a time";
        String[][] rows = {{workload + ", wall", "s"}, {workload + ", CPU", "s"}};
        for (int row = 0; row < rows.length; row++) {
            List<String> cells = new ArrayList<>(List.of(rows[row]));
            for (String kind : kinds) {
                cells.add(Table.figure(Runs.cell(results, kind, row)));
            }
            cells.add(Table.ratio(Runs.cell(results, "jasyncio-streams", row), Runs.cell(results, "aiohttp-uvloop", row)));
            table.add(cells);
        }
        return table;
    }
}
