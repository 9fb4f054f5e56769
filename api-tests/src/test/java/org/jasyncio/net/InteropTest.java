package org.jasyncio.net;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.net.StreamsTest.bytes;
import static org.jasyncio.net.StreamsTest.port;
import static org.jasyncio.net.StreamsTest.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import com.sun.net.httpserver.HttpServer;

import org.jasyncio.Asyncio;
import org.jasyncio.Coroutine;
import org.jasyncio.annotation.Async;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Peers nobody here wrote: the JDK's HttpClient and curl against a jasyncio server, a streams client against the JDK's HttpServer. */
class InteropTest {

    /** Answers one HTTP/1.1 request with its path, and closes. */
    @Async
    static Coroutine<Void> http(StreamReader reader, StreamWriter writer) throws IOException {
        String requestLine = text(await(reader.readLine())).trim();
        while (await(reader.readLine()).length > 2) {
            // skip the headers, up to the empty line
        }
        String body = "you asked for " + requestLine.split(" ")[1];
        writer.write(bytes("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body));
        await(writer.drain());
        writer.close();
        return completed();
    }

    @Async
    static Coroutine<String> fetchWithHttpClient() throws IOException {
        Server server = await(Streams.startServer(InteropTest::http, "127.0.0.1", 0));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(server) + "/hello"))
                .timeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> response = await(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        server.close();
        return completed(response.statusCode() + " " + response.body());
    }

    @Test
    void jdkHttpClient_getsAnAnswer() throws Exception {
        assertEquals("200 you asked for /hello", Asyncio.run(fetchWithHttpClient()));
    }

    @Async
    static Coroutine<String> fetchWithCurl(String curl) throws IOException {
        Server server = await(Streams.startServer(InteropTest::http, "127.0.0.1", 0));
        Process process = new ProcessBuilder(curl, "-s", "--max-time", "10",
                "http://127.0.0.1:" + port(server) + "/from-curl").redirectErrorStream(true).start();
        CompletableFuture<Process> exited = process.onExit();
        await(exited);
        String output = new String(process.getInputStream().readAllBytes());
        server.close();
        return completed(process.exitValue() + " " + output);
    }

    @Test
    void curl_getsAnAnswer() throws Exception {
        String curl = findOnPath("curl");
        Assumptions.assumeTrue(curl != null, "curl is not installed here: skipped");
        assertEquals("0 you asked for /from-curl", Asyncio.run(fetchWithCurl(curl)));
    }

    @Async
    static Coroutine<String> getFrom(int port) throws IOException {
        Connection connection = await(Streams.openConnection("127.0.0.1", port));
        connection.writer().write(bytes("GET /jdk HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));
        String status = text(await(connection.reader().readLine())).trim();
        int length = 0;
        for (String header; !(header = text(await(connection.reader().readLine())).trim()).isEmpty(); ) {
            if (header.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(header.substring(header.indexOf(':') + 1).trim());
            }
        }
        String body = text(await(connection.reader().readExactly(length)));
        connection.writer().close();
        return completed(status + " " + body);
    }

    @Test
    void streamsClient_readsTheJdkHttpServer() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = bytes("served " + exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            assertEquals("HTTP/1.1 200 OK served /jdk", Asyncio.run(getFrom(server.getAddress().getPort())));
        } finally {
            server.stop(0);
        }
    }

    private static String findOnPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File file = new File(dir, command);
            if (file.canExecute()) {
                return file.getPath();
            }
        }
        return null;
    }
}
