package org.jasyncio.benchmarks.net;

import java.io.EOFException;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * The echo benchmark's client, the same for every server: plain non-blocking NIO on the calling
 * thread, one selector for all connections, nothing allocated per message. Each connection sends
 * a message, waits for all of its echo (checking it), and sends the next at once. A request counts
 * if it was sent after the warm-up and its echo arrived before the end; its latency is from the
 * write to the echo's last byte.
 *
 * <p>Thread rule: {@link #run} runs on the calling thread, which it keeps busy until it returns.
 */
final class EchoClient {

    /**
     * What one run measured: completed requests, their rate, latencies in nanoseconds, and the CPU
     * time per request while counting of every thread but the client's (the server's threads, and
     * the JVM's own: collector, compiler).
     */
    record Result(long requests, double requestsPerSecond, long p50Nanos, long p99Nanos,
            double serverCpuNanosPerRequest) {
    }

    private EchoClient() {
    }

    /**
     * Connects {@code connections} times to 127.0.0.1:{@code port} and exchanges messages of
     * {@code size} bytes for {@code warmup} then {@code measured}; closes its connections after.
     *
     * @throws IOException if a connection fails or an echo differs from what was sent
     */
    static Result run(int port, int connections, int size, Duration warmup, Duration measured) throws IOException {
        byte[] message = new byte[size];
        new Random(size).nextBytes(message);
        Selector selector = Selector.open();
        Exchange[] exchanges = new Exchange[connections];
        Latencies latencies = new Latencies();
        Map<Long, Long> cpuAtCounting = null;
        Map<Long, Long> cpuAtEnd = Map.of();
        try {
            for (int i = 0; i < connections; i++) {
                SocketChannel channel = SocketChannel.open(
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                channel.configureBlocking(false);
                exchanges[i] = new Exchange(channel, message);
                exchanges[i].key = channel.register(selector, SelectionKey.OP_READ, exchanges[i]);
            }
            long start = System.nanoTime();
            long counting = start + warmup.toNanos();
            long end = counting + measured.toNanos();
            for (Exchange exchange : exchanges) {
                exchange.send();
            }
            while (System.nanoTime() < end) {
                if (cpuAtCounting == null && System.nanoTime() >= counting) {
                    cpuAtCounting = otherThreadsCpu();
                }
                selector.select(100);
                for (SelectionKey key : selector.selectedKeys()) {
                    Exchange exchange = (Exchange) key.attachment();
                    if (key.isWritable()) {
                        exchange.flush();
                    }
                    if (key.isReadable() && exchange.receive()) {
                        long now = System.nanoTime();
                        if (exchange.sentAt >= counting && now <= end) {
                            latencies.add(now - exchange.sentAt);
                        }
                        exchange.send();
                    }
                }
                selector.selectedKeys().clear();
            }
            cpuAtEnd = otherThreadsCpu();
        } finally {
            for (Exchange exchange : exchanges) {
                if (exchange != null) {
                    exchange.channel.close();
                }
            }
            selector.close();
        }
        long serverCpu = 0;
        for (Map.Entry<Long, Long> thread : cpuAtEnd.entrySet()) {
            serverCpu += thread.getValue() - (cpuAtCounting == null ? 0 : cpuAtCounting.getOrDefault(thread.getKey(), 0L));
        }
        return new Result(latencies.count, latencies.count / (measured.toNanos() / 1e9),
                latencies.percentile(0.50), latencies.percentile(0.99),
                latencies.count == 0 ? Double.NaN : (double) serverCpu / latencies.count);
    }

    /**
     * The CPU time so far of every live thread but the calling one, by thread id. A virtual thread
     * has none of its own: its carrier's counts.
     */
    private static Map<Long, Long> otherThreadsCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long client = Thread.currentThread().getId();
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            long nanos = threads.getThreadCpuTime(id);
            if (id != client && nanos >= 0) {
                cpu.put(id, nanos);
            }
        }
        return cpu;
    }

    /** One connection's message in flight. */
    private static final class Exchange {
        final SocketChannel channel;
        final ByteBuffer out;
        final ByteBuffer in;
        SelectionKey key;
        long sentAt;

        Exchange(SocketChannel channel, byte[] message) {
            this.channel = channel;
            this.out = ByteBuffer.allocateDirect(message.length).put(message).flip();
            this.in = ByteBuffer.allocateDirect(message.length);
        }

        void send() throws IOException {
            out.rewind();
            in.clear();
            sentAt = System.nanoTime();
            flush();
        }

        void flush() throws IOException {
            channel.write(out);
            key.interestOps(out.hasRemaining() ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }

        /** Reads what arrived; whether the whole echo is in, and equal to the message. */
        boolean receive() throws IOException {
            if (channel.read(in) < 0) {
                throw new EOFException("the server closed " + channel + " in the middle of an echo");
            }
            if (in.hasRemaining()) {
                return false;
            }
            if (!in.flip().equals(out.rewind())) {
                throw new IOException("the echo on " + channel + " differs from the message sent");
            }
            return true;
        }
    }

    /** Latencies recorded in a growing array, sorted once for the percentiles. */
    private static final class Latencies {
        long[] values = new long[1 << 20];
        int count;

        void add(long nanos) {
            if (count == values.length) {
                values = Arrays.copyOf(values, count * 2);
            }
            values[count++] = nanos;
        }

        long percentile(double fraction) {
            if (count == 0) {
                return 0;
            }
            long[] sorted = Arrays.copyOf(values, count);
            Arrays.sort(sorted);
            return sorted[(int) Math.min(count - 1, Math.ceil(fraction * count) - 1)];
        }
    }
}
