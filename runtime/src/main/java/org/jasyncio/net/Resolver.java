package org.jasyncio.net;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.jasyncio.EventLoop;

/**
 * Turns a host and a port into socket addresses without blocking the loop: an IP literal at once,
 * a name on a thread of its own executor (small, of daemon threads that end when idle), as asyncio
 * runs {@code getaddrinfo} on the loop's default executor.
 */
final class Resolver {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final ExecutorService LOOKUPS = lookups();

    private Resolver() {
    }

    /**
     * The addresses of {@code host} (in the order the system gives them), at {@code port}; a
     * {@code null} host is the wildcard address, for servers. Fails with
     * {@link UnknownHostException} when the name is unknown.
     */
    static CompletionStage<List<InetSocketAddress>> resolve(EventLoop loop, String host, int port) {
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port " + port + " is out of range: use 0 to 65535 (0 picks a free port)");
        }
        if (host == null) {
            return CompletableFuture.completedFuture(List.of(new InetSocketAddress(port)));
        }
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (IPV4.matcher(literal).matches() || literal.indexOf(':') >= 0) {
            try {
                // A literal is parsed, never looked up.
                return CompletableFuture.completedFuture(List.of(new InetSocketAddress(InetAddress.getByName(literal), port)));
            } catch (UnknownHostException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        return CompletableFuture.supplyAsync(() -> lookUp(host, port), LOOKUPS);
    }

    private static List<InetSocketAddress> lookUp(String host, int port) {
        try {
            List<InetSocketAddress> addresses = new ArrayList<>();
            for (InetAddress address : InetAddress.getAllByName(host)) {
                addresses.add(new InetSocketAddress(address, port));
            }
            return addresses;
        } catch (UnknownHostException e) {
            throw new CompletionException(e);
        }
    }

    private static ExecutorService lookups() {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(4, 4, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                task -> {
                    Thread thread = new Thread(task, "jasyncio-resolver");
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }
}
