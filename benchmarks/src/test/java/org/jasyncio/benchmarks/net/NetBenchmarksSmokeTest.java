package org.jasyncio.benchmarks.net;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import org.jasyncio.EventLoop;
import org.jasyncio.benchmarks.VirtualThreadWorkloads;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps the networking benchmarks from rotting: every echo server answers the benchmark's client
 * and counts its connections, and every Java fetch alternative fetches pages, all small and short
 * and in this JVM (no nginx, no Python, no child JVM). The figures mean nothing at these sizes; the
 * full run is {@code benchmarks/net/run.sh}.
 */
class NetBenchmarksSmokeTest {

    private static final int PAGE_SIZE = 10 * 1024;

    private static List<String> runnable(List<String> kinds) {
        List<String> runnable = new ArrayList<>();
        for (String kind : kinds) {
            if (VirtualThreadWorkloads.available() || !kind.contains("virtual-threads")) {
                runnable.add(kind);
            }
        }
        return runnable;
    }

    @Test
    void everyEchoServerEchoesTheClientsMessages() throws IOException, InterruptedException {
        for (String kind : runnable(EchoServer.KINDS)) {
            try (EchoServer server = EchoServer.start(kind)) {
                EchoClient.Result result = EchoClient.run(server.port(), 4, 1024, Duration.ZERO, Duration.ofMillis(100));
                assertTrue(result.requests() > 0, kind + " echoed nothing in 100 ms");
                assertTrue(result.p99Nanos() >= result.p50Nanos() && result.p50Nanos() > 0, kind + ": " + result);
            }
        }
    }

    @Test
    void everyEchoServerCountsItsOpenConnections() throws IOException, InterruptedException {
        for (String kind : runnable(EchoServer.KINDS)) {
            try (EchoServer server = EchoServer.start(kind)) {
                List<SocketChannel> open = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    open.add(SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port())));
                }
                awaitConnections(server, 10, kind);
                for (SocketChannel channel : open) {
                    channel.close();
                }
                awaitConnections(server, 0, kind);
            }
        }
    }

    private static void awaitConnections(EchoServer server, int expected, String kind) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (server.connections() != expected && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(expected, server.connections(), kind + "'s open connections");
    }

    @Test
    void everyJavaFetchAlternativeFetchesThePages() throws IOException, InterruptedException {
        HttpServer pages = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] page = new byte[PAGE_SIZE];
        pages.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(page);
            }
        });
        pages.start();
        try (FetchWorkloads workloads = new FetchWorkloads(
                URI.create("http://127.0.0.1:" + pages.getAddress().getPort() + "/page.html"), PAGE_SIZE)) {
            EventLoop loop = new EventLoop();
            try {
                assertEquals(20, sum(loop.runUntilComplete(workloads.streamsRound(20, 4))));
                assertEquals(20, sum(loop.runUntilComplete(workloads.httpClientRound(20, 4))));
            } finally {
                loop.close();
            }
            if (VirtualThreadWorkloads.available()) {
                workloads.virtualThreadsRound(20, 4);
            }
        } finally {
            pages.stop(0);
        }
    }

    private static int sum(List<Integer> counts) {
        return counts.stream().mapToInt(Integer::intValue).sum();
    }
}
