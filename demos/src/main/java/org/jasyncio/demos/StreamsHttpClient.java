package org.jasyncio.demos;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jasyncio.Coroutine;
import org.jasyncio.annotation.Async;
import org.jasyncio.net.Connection;
import org.jasyncio.net.StreamReader;
import org.jasyncio.net.Streams;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;

/**
 * A small HTTP/1.1 client over jasyncio's own streams, enough to fetch pages: {@code GET} only,
 * bodies framed by {@code Content-Length}, by chunks, or by the end of the connection, and a pool of
 * idle keep-alive connections per host and port. No TLS, no redirects, no proxies.
 *
 * <p>Thread rule: loop-thread only, on one loop: its connections are the loop's, and closing the
 * loop closes them, so make a client per loop.
 */
public final class StreamsHttpClient {

    /** A response: the status code, the headers (names in lower case) and the body. */
    public record Response(int status, Map<String, String> headers, byte[] body) {
        /** The body as UTF-8 text. */
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final Map<String, ArrayDeque<Connection>> idle = new HashMap<>();

    /**
     * A coroutine that fetches {@code uri} (an {@code http} address) on an idle connection to its
     * host if there is one, else on a new one; a pooled connection the server has closed meanwhile
     * is replaced once.
     */
    @Async
    public Coroutine<Response> get(URI uri) throws IOException {
        if (!"http".equals(uri.getScheme())) {
            throw new IllegalArgumentException("only http:// addresses are supported here, not " + uri);
        }
        String host = uri.getHost();
        int port = uri.getPort() < 0 ? 80 : uri.getPort();
        String origin = host + ":" + port;
        ArrayDeque<Connection> pool = idle.computeIfAbsent(origin, key -> new ArrayDeque<>());
        Connection pooled = pool.pollFirst();
        if (pooled != null) {
            try {
                Response response = await(exchange(pooled, uri, origin, true));
                if (response != null) {
                    return completed(response);
                }
            } catch (SocketException stale) {
                pooled.writer().transport().abort();
            }
        }
        Connection fresh = await(Streams.openConnection(host, port));
        return completed(await(exchange(fresh, uri, origin, false)));
    }

    /** A coroutine that fetches {@code uri} and gives its body as UTF-8 text. */
    @Async
    public Coroutine<String> text(URI uri) throws IOException {
        return completed(await(get(uri)).text());
    }

    /** Sends the request and reads the response; {@code null} if a pooled connection was found closed. */
    @Async
    private Coroutine<Response> exchange(Connection connection, URI uri, String origin, boolean pooled)
            throws IOException {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path += "?" + uri.getRawQuery();
        }
        connection.writer().write(("GET " + path + " HTTP/1.1\r\nHost: " + origin + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        await(connection.writer().drain());
        StreamReader reader = connection.reader();
        String statusLine = line(await(reader.readLine()));
        if (statusLine.isEmpty()) {
            connection.writer().close();
            if (pooled) {
                return completed(null);
            }
            throw new IOException("GET " + uri + ": the server closed the connection without answering");
        }
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            connection.writer().close();
            throw new IOException("GET " + uri + ": not an HTTP/1.x status line: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header; !(header = line(await(reader.readLine()))).isEmpty(); ) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        byte[] body;
        boolean reusable = !"close".equalsIgnoreCase(headers.get("connection"));
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = await(chunked(reader));
        } else if (headers.containsKey("content-length")) {
            body = await(reader.readExactly(Integer.parseInt(headers.get("content-length"))));
        } else {
            body = await(reader.read(-1));
            reusable = false;
        }
        if (reusable) {
            idle.computeIfAbsent(origin, key -> new ArrayDeque<>()).addLast(connection);
        } else {
            connection.writer().close();
        }
        return completed(new Response(status, headers, body));
    }

    /** Reads a chunked body: chunks of a hexadecimal size line, data and CRLF, up to a chunk of 0 and its trailers. */
    @Async
    private static Coroutine<byte[]> chunked(StreamReader reader) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line(await(reader.readLine()));
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt(semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon), 16);
            if (size == 0) {
                while (!line(await(reader.readLine())).isEmpty()) {
                    // trailers are read and dropped
                }
                return completed(body.toByteArray());
            }
            body.writeBytes(await(reader.readExactly(size)));
            await(reader.readExactly(2));
        }
    }

    private static String line(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1).trim();
    }

    /** Closes the idle connections. Loop-thread only. */
    public void closeIdle() {
        for (ArrayDeque<Connection> pool : idle.values()) {
            for (Connection connection : pool) {
                connection.writer().close();
            }
        }
        idle.clear();
    }
}
