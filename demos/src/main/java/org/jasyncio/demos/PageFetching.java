package org.jasyncio.demos;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;
import org.jasyncio.Coroutine;
import org.jasyncio.annotation.Async;

import static org.jasyncio.Asyncio.await;
import static org.jasyncio.Asyncio.completed;
import static org.jasyncio.Asyncio.gather;

/**
 * Fetching several web pages concurrently: a local server answers each request after a delay; the
 * pages awaited one by one take the sum of the delays, gathered they take about the slowest one.
 * The coroutines await the JDK's {@code HttpClient.sendAsync}, a {@code CompletableFuture}
 * completed on the client's own threads, each resuming on its event loop's thread; or, given a
 * {@link Fetcher} such as {@link StreamsHttpClient#text}, any other client.
 */
public final class PageFetching implements AutoCloseable {

    /** Fetches one page's body: the JDK's {@code HttpClient} here, or another client. */
    @FunctionalInterface
    public interface Fetcher {
        Coroutine<String> fetch(URI page) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService serverThreads;
    private final HttpClient client = HttpClient.newHttpClient();

    /** Starts a server on the loopback address that answers every request after {@code delay}. */
    public PageFetching(Duration delay, int concurrentRequests) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        serverThreads = Executors.newFixedThreadPool(concurrentRequests);
        server.setExecutor(serverThreads);
        server.createContext("/", exchange -> {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = ("page " + exchange.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    /** The addresses of {@code count} pages on the local server. */
    public List<URI> pages(int count) {
        List<URI> pages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            pages.add(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/page" + i));
        }
        return pages;
    }

    @Async
    Coroutine<String> fetch(URI page) {
        HttpResponse<String> response = await(client.sendAsync(HttpRequest.newBuilder(page).build(),
                HttpResponse.BodyHandlers.ofString()));
        return completed(response.body());
    }

    /** Each page awaited before the next is requested, with the JDK's {@code HttpClient}. */
    public Coroutine<List<String>> oneByOne(List<URI> pages) throws IOException {
        return oneByOne(pages, this::fetch);
    }

    /** Each page awaited before the next is requested, with {@code fetcher}. */
    @Async
    public Coroutine<List<String>> oneByOne(List<URI> pages, Fetcher fetcher) throws IOException {
        List<String> bodies = new ArrayList<>();
        for (URI page : pages) {
            bodies.add(await(fetcher.fetch(page)));
        }
        return completed(bodies);
    }

    /** All pages requested at once, with the JDK's {@code HttpClient}. */
    public Coroutine<List<String>> concurrently(List<URI> pages) throws IOException {
        return concurrently(pages, this::fetch);
    }

    /** All pages requested at once, with {@code fetcher}. */
    public Coroutine<List<String>> concurrently(List<URI> pages, Fetcher fetcher) throws IOException {
        List<Coroutine<String>> fetches = new ArrayList<>();
        for (URI page : pages) {
            fetches.add(fetcher.fetch(page));
        }
        return gather(fetches);
    }

    @Override
    public void close() {
        server.stop(0);
        serverThreads.shutdownNow();
    }
}
