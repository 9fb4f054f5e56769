package org.jasyncio.net;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jasyncio.Awaitable;
import org.jasyncio.EventLoop;
import org.jasyncio.Future;
import org.jasyncio.internal.Completed;

/**
 * Turns a host and a port into socket addresses without blocking the loop: an IP literal at once,
 * a name on the loop's default executor, as asyncio runs {@code getaddrinfo}.
 */
final class Resolver {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private Resolver() {
    }

    /**
     * The addresses of {@code host} (in the order the system gives them), at {@code port}; a
     * {@code null} host is the wildcard address, for servers. Fails with
     * {@link UnknownHostException} when the name is unknown. Loop-thread only.
     */
    static Awaitable<List<InetSocketAddress>> resolve(EventLoop loop, String host, int port) {
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port " + port + " is out of range: use 0 to 65535 (0 picks a free port)");
        }
        if (host == null) {
            return new Completed<>(List.of(new InetSocketAddress(port)));
        }
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (IPV4.matcher(literal).matches() || literal.indexOf(':') >= 0) {
            try {
                // A literal is parsed, never looked up.
                return new Completed<>(List.of(new InetSocketAddress(InetAddress.getByName(literal), port)));
            } catch (UnknownHostException e) {
                Future<List<InetSocketAddress>> failed = loop.createFuture();
                failed.setException(e);
                return failed;
            }
        }
        return loop.runInExecutor(null, () -> lookUp(host, port));
    }

    private static List<InetSocketAddress> lookUp(String host, int port) throws UnknownHostException {
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (InetAddress address : InetAddress.getAllByName(host)) {
            addresses.add(new InetSocketAddress(address, port));
        }
        return addresses;
    }
}
