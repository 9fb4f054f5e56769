package org.jasyncio.benchmarks.net;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Scanner;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The idle-connection benchmark: the heap an {@link EchoServer} holds per open connection on which
 * nothing is sent. Each server runs in a JVM of its own; this JVM opens the connections to it with
 * plain blocking channels and holds them, so the server's heap holds the server's ends only. The
 * server's JVM measures its heap in use after full collections, before the connections are opened
 * and once it has accepted them all, and divides the difference by their number.
 *
 * <pre>
 * java -cp ... org.jasyncio.benchmarks.net.IdleConnections [--connections 10000] [server ...]
 * </pre>
 *
 * Each JVM holds one file descriptor per connection, plus its own few: the connections must stay
 * below {@code ulimit -n}. {@code --child server} runs the server side and talks with the parent on
 * its standard streams.
 */
public final class IdleConnections {

    /** How long the server may take to accept the connections once they are open. */
    private static final long ACCEPT_TIMEOUT_MILLIS = 60_000;
    private static final int CONNECTING_THREADS = 32;

    private IdleConnections() {
    }

    public static void main(String[] arguments) throws IOException, InterruptedException {
        Args args = new Args(arguments, "connections", "10000", "child", "");
        int connections = args.integer("connections");
        if (!args.get("child").isEmpty()) {
            serve(args.get("child"), connections);
            return;
        }
        Map<String, Double> perConnection = new LinkedHashMap<>();
        for (String kind : args.words(EchoServer.KINDS)) {
            if (!Runs.canRun(kind, System.out)) {
                continue;
            }
            try (Child child = Child.startJava(kind, EchoBenchmark.CHILD_JVM, IdleConnections.class,
                    List.of("--connections", String.valueOf(connections), "--child", kind), System.out)) {
                int port = Integer.parseInt(child.answer());
                List<SocketChannel> open = Collections.synchronizedList(new ArrayList<>(connections));
                try {
                    long start = System.nanoTime();
                    connect(port, connections, open);
                    System.out.printf(Locale.ROOT, "%s: %d connections opened in %.1f s%n", kind, connections,
                            (System.nanoTime() - start) / 1e9);
                    child.tell("measure");
                    double bytes = Double.parseDouble(child.answer());
                    perConnection.put(kind, bytes);
                    System.out.printf(Locale.ROOT, "%s: %.0f B of heap per idle connection, server side%n", kind, bytes);
                } finally {
                    for (SocketChannel channel : open) {
                        channel.close();
                    }
                }
            }
        }
        List<String> header = new ArrayList<>(List.of("workload", "unit"));
        header.addAll(EchoServer.KINDS);
        header.add("jasyncio-protocol / netty");
        header.add("jasyncio-streams / netty");
        Table table = new Table(header);
        List<String> row = new ArrayList<>(List.of(
                "idle connections, " + connections + " open, server side", "B of heap / connection"));
        for (String kind : EchoServer.KINDS) {
            row.add(Table.figure(perConnection.getOrDefault(kind, Double.NaN)));
        }
        row.add(Table.ratio(perConnection.getOrDefault("jasyncio-protocol", Double.NaN),
                perConnection.getOrDefault("netty", Double.NaN)));
        row.add(Table.ratio(perConnection.getOrDefault("jasyncio-streams", Double.NaN),
                perConnection.getOrDefault("netty", Double.NaN)));
        table.add(row);
        System.out.println();
        System.out.println(table);
    }

    /**
     * Opens {@code connections} connections to {@code port} into {@code open}, from several threads:
     * a connect that finds the listen backlog full waits for the SYN to be sent again, and the
     * threads overlap those waits.
     */
    private static void connect(int port, int connections, List<SocketChannel> open)
            throws IOException, InterruptedException {
        ExecutorService threads = Executors.newFixedThreadPool(CONNECTING_THREADS);
        List<Future<?>> connecting = new ArrayList<>();
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        for (int i = 0; i < connections; i++) {
            connecting.add(threads.submit(() -> open.add(SocketChannel.open(address))));
        }
        threads.shutdown();
        try {
            for (Future<?> connection : connecting) {
                connection.get();
            }
        } catch (ExecutionException e) {
            threads.shutdownNow();
            throw new IOException("cannot open " + connections + " connections to " + address
                    + " (ulimit -n is the limit per process)", e.getCause());
        }
    }

    /** The child's side: starts the server, answers its port, and after "measure" the heap per connection. */
    private static void serve(String kind, int connections) throws IOException, InterruptedException {
        try (EchoServer server = EchoServer.start(kind); Scanner parent = new Scanner(System.in, "UTF-8")) {
            long before = heapInUse();
            System.out.println(Child.RESULT + server.port());
            if (!parent.hasNextLine() || !parent.nextLine().equals("measure")) {
                throw new IOException("the benchmark ended before the connections were open");
            }
            long deadline = System.currentTimeMillis() + ACCEPT_TIMEOUT_MILLIS;
            while (server.connections() < connections) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IOException(kind + " accepted " + server.connections() + " of " + connections
                            + " connections in " + ACCEPT_TIMEOUT_MILLIS + " ms");
                }
                Thread.sleep(10);
            }
            long after = heapInUse();
            System.out.println(Child.RESULT + (double) (after - before) / connections);
            parent.hasNextLine();
        }
    }

    /** The heap in use after full collections. */
    private static long heapInUse() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
