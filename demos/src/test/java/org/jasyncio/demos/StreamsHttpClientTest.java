package org.jasyncio.demos;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;
import org.jasyncio.Asyncio;
import org.jasyncio.Coroutine;
import org.jasyncio.annotation.Async;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The streams HTTP client against the JDK's HttpServer: both body framings, and connections reused. */
class StreamsHttpClientTest {

    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            clientPorts.add(exchange.getRemoteAddress().getPort());
            byte[] body = ("body of " + exchange.getRequestURI()).getBytes(StandardCharsets.UTF_8);
            boolean chunked = exchange.getRequestURI().getPath().startsWith("/chunked");
            exchange.sendResponseHeaders(200, chunked ? 0 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body, 0, 5);
                out.flush();
                out.write(body, 5, body.length - 5);
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Async
    Coroutine<List<String>> fetchInTurn(List<URI> pages) throws IOException {
        StreamsHttpClient client = new StreamsHttpClient();
        List<String> bodies = new ArrayList<>();
        for (URI page : pages) {
            StreamsHttpClient.Response response = await(client.get(page));
            bodies.add(response.status() + " " + response.text());
        }
        client.closeIdle();
        return completed(bodies);
    }

    @Test
    void lengthAndChunkedBodies_overOneKeptAliveConnection() throws Exception {
        List<String> bodies = Asyncio.run(fetchInTurn(List.of(uri("/a"), uri("/chunked?b=1"), uri("/c"))));
        assertEquals(List.of("200 body of /a", "200 body of /chunked?b=1", "200 body of /c"), bodies);
        assertEquals(1, clientPorts.size(), "the connection was not reused: " + clientPorts);
    }
}
